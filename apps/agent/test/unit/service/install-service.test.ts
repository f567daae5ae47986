import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentError, exitCodes } from '../../../src/errors.ts';
import {
  type InstallOptions,
  installService,
  removeSystemFile,
  uninstallService,
  writeSystemFile,
} from '../../../src/service/install-service.ts';
import {
  launchdPlist,
  systemdUnit,
  windowsTaskXml,
} from '../../../src/service/service-definitions.ts';

/**
 * The installer changes how a machine boots, and none of systemd as root, macOS or Windows is
 * available here; so these tests hand it a recording host and read back, step by step, what it
 * would have written, run and removed.
 */
const executables: Partial<Record<NodeJS.Platform, string>> = {
  linux: '/opt/Chamados Agent/chamados-agent',
  darwin: '/Applications/Chamados Agent/chamados-agent',
  win32: 'C:\\Program Files\\Chamados\\chamados-agent.exe',
};

const taskXmlPath = 'C:\\Program Files\\Chamados\\chamados-agent-task.xml';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chamados-install-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

interface RecordingHost {
  options: InstallOptions;
  /** `['write', file, mode]`, `['run', command, ...args]` or `['remove', file]`, in order. */
  steps: string[][];
  written: Map<string, string | Uint8Array>;
  lines: string[];
}

function recordingHost(
  platform: NodeJS.Platform,
  { uid = 0, failing = [] }: { uid?: number; failing?: string[][] } = {},
): RecordingHost {
  const steps: string[][] = [];
  const written = new Map<string, string | Uint8Array>();
  const lines: string[] = [];
  const options: InstallOptions = {
    platform,
    executable: executables[platform] ?? '/usr/local/bin/chamados-agent',
    uid,
    run: async (command, args) => {
      const argv = [command, ...args];
      steps.push(['run', ...argv]);
      if (failing.some((failure) => failure.every((part, index) => argv[index] === part))) {
        throw new AgentError(`${argv.join(' ')} exited with status 1: refused`, exitCodes.failed);
      }
      return { stdout: '', stderr: '' };
    },
    writeFile: async (file, content, mode) => {
      steps.push(['write', file, mode.toString(8)]);
      written.set(file, content);
    },
    removeFile: async (file) => {
      steps.push(['remove', file]);
    },
    log: (line) => lines.push(line),
  };
  return { options, steps, written, lines };
}

async function rejection(work: Promise<void>): Promise<AgentError> {
  const error = await work.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AgentError);
  return error as AgentError;
}

describe('installing the service', () => {
  it('on Linux writes the systemd unit, then enables and (re)starts it', async () => {
    const host = recordingHost('linux');
    await installService(host.options);

    expect(host.steps).toEqual([
      ['write', '/etc/systemd/system/chamados-agent.service', '644'],
      ['run', 'systemctl', 'daemon-reload'],
      ['run', 'systemctl', 'enable', 'chamados-agent.service'],
      ['run', 'systemctl', 'restart', 'chamados-agent.service'],
    ]);
    expect(host.written.get('/etc/systemd/system/chamados-agent.service')).toBe(
      systemdUnit({ executable: '/opt/Chamados Agent/chamados-agent' }),
    );
    expect(host.lines.at(-1)).toBe(
      'Installed chamados-agent.service; follow its log with: journalctl -u chamados-agent.service',
    );
  });

  it('on Linux passes the state directory on to the unit', async () => {
    const host = recordingHost('linux');
    await installService({ ...host.options, stateDir: '/etc/chamados-agent' });

    const unit = host.written.get('/etc/systemd/system/chamados-agent.service');
    expect(String(unit).split('\n')).toContain('ReadWritePaths=-"/etc/chamados-agent"');
  });

  it('on macOS writes the launch daemon, unloads an earlier one and bootstraps it', async () => {
    const host = recordingHost('darwin');
    await installService(host.options);

    expect(host.steps).toEqual([
      ['write', '/Library/LaunchDaemons/br.chamados.agent.plist', '644'],
      ['run', 'launchctl', 'bootout', 'system/br.chamados.agent'],
      ['run', 'launchctl', 'bootstrap', 'system', '/Library/LaunchDaemons/br.chamados.agent.plist'],
    ]);
    expect(host.written.get('/Library/LaunchDaemons/br.chamados.agent.plist')).toBe(
      launchdPlist({
        executable: '/Applications/Chamados Agent/chamados-agent',
        logPath: '/Library/Logs/chamados-agent.log',
      }),
    );
  });

  it('on Windows registers a Scheduled Task from an XML file it then removes', async () => {
    const host = recordingHost('win32');
    await installService(host.options);

    expect(host.steps).toEqual([
      ['write', taskXmlPath, '644'],
      ['run', 'schtasks.exe', '/End', '/TN', 'Chamados Agent'],
      ['run', 'schtasks.exe', '/Create', '/TN', 'Chamados Agent', '/XML', taskXmlPath, '/F'],
      ['remove', taskXmlPath],
      ['run', 'schtasks.exe', '/Run', '/TN', 'Chamados Agent'],
    ]);
  });

  it('on Windows writes the task as UTF-16 with a byte order mark', async () => {
    const host = recordingHost('win32');
    await installService(host.options);

    const bytes = Buffer.from(host.written.get(taskXmlPath) ?? '');
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(bytes.subarray(2).toString('utf16le')).toBe(
      windowsTaskXml({ executable: 'C:\\Program Files\\Chamados\\chamados-agent.exe' }),
    );
  });

  it('on Windows writes XML that a real parser reads as the intended task', async ({ skip }) => {
    skip(spawnSync('python3', ['--version']).error !== undefined, 'python3 is not installed here');

    const host = recordingHost('win32');
    await installService({
      ...host.options,
      executable: 'C:\\Program Files\\R&D <tools>\\chamados-agent.exe',
    });
    const file = path.join(dir, 'task.xml');
    writeFileSync(file, host.written.values().next().value ?? '');
    const script = [
      'import json, sys, xml.etree.ElementTree as ET',
      'ns = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}',
      'root = ET.parse(sys.argv[1]).getroot()',
      'keys = ["Command", "Arguments", "UserId", "ExecutionTimeLimit"]',
      'print(json.dumps({k: root.find(".//t:" + k, ns).text for k in keys}))',
    ].join('\n');
    const result = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });

    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      Command: 'C:\\Program Files\\R&D <tools>\\chamados-agent.exe',
      Arguments: 'run',
      UserId: 'S-1-5-18',
      ExecutionTimeLimit: 'PT0S',
    });
  });
});

describe('uninstalling the service', () => {
  it.each([
    [
      'linux',
      [
        ['run', 'systemctl', 'disable', '--now', 'chamados-agent.service'],
        ['remove', '/etc/systemd/system/chamados-agent.service'],
        ['run', 'systemctl', 'daemon-reload'],
      ],
    ],
    [
      'darwin',
      [
        ['run', 'launchctl', 'bootout', 'system/br.chamados.agent'],
        ['remove', '/Library/LaunchDaemons/br.chamados.agent.plist'],
      ],
    ],
    [
      'win32',
      [
        ['run', 'schtasks.exe', '/End', '/TN', 'Chamados Agent'],
        ['run', 'schtasks.exe', '/Delete', '/TN', 'Chamados Agent', '/F'],
      ],
    ],
  ] as const)('on %s stops the agent and removes its definition', async (platform, steps) => {
    const host = recordingHost(platform);
    await uninstallService(host.options);
    expect(host.steps).toEqual(steps);
  });

  it('carries on when there was nothing to stop, and says so', async () => {
    const host = recordingHost('linux', { failing: [['systemctl', 'disable']] });
    await uninstallService(host.options);

    expect(host.steps.map((step) => step.slice(0, 3))).toEqual([
      ['run', 'systemctl', 'disable'],
      ['remove', '/etc/systemd/system/chamados-agent.service'],
      ['run', 'systemctl', 'daemon-reload'],
    ]);
    expect(host.lines).toContain(
      'Continuing, as there may have been nothing to stop: ' +
        'systemctl disable --now chamados-agent.service exited with status 1: refused',
    );
  });
});

describe('refusals', () => {
  it.each([
    ['linux', 'install'],
    ['linux', 'uninstall'],
    ['darwin', 'install'],
    ['darwin', 'uninstall'],
  ] as const)(
    'on %s, %s without root is refused before anything changes',
    async (platform, verb) => {
      const host = recordingHost(platform, { uid: 1000 });
      const work =
        verb === 'install' ? installService(host.options) : uninstallService(host.options);
      const error = await rejection(work);

      expect(error.message).toBe(`Only root can ${verb} the agent's service.`);
      expect(error.exitCode).toBe(exitCodes.permission);
      expect(error.hint).toBe(`Run it again with sudo: sudo chamados-agent service ${verb}`);
      expect(host.steps).toEqual([]);
    },
  );

  it('on Windows, a refusal by schtasks gets an administrator hint and leaves no XML', async () => {
    const host = recordingHost('win32', { failing: [['schtasks.exe', '/Create']] });
    const error = await rejection(installService(host.options));

    expect(error.message).toMatch(/^schtasks\.exe \/Create .* exited with status 1: refused$/);
    expect(error.hint).toBe(
      'If access was denied, run it again from a Command Prompt opened as administrator.',
    );
    expect(host.steps.at(-1)).toEqual(['remove', taskXmlPath]);
  });

  it('stops at the first failing step', async () => {
    const host = recordingHost('linux', { failing: [['systemctl', 'daemon-reload']] });
    const error = await rejection(installService(host.options));

    expect(error.message).toBe('systemctl daemon-reload exited with status 1: refused');
    expect(host.steps).toEqual([
      ['write', '/etc/systemd/system/chamados-agent.service', '644'],
      ['run', 'systemctl', 'daemon-reload'],
    ]);
  });

  it('names a platform it has no service manager for', async () => {
    const host = recordingHost('freebsd');
    const error = await rejection(installService(host.options));

    expect(error.message).toBe('Installing the agent as a service is not supported on freebsd.');
    expect(error.exitCode).toBe(exitCodes.failed);
    expect(host.steps).toEqual([]);
  });
});

describe('the real file writer', () => {
  it('leaves a definition at mode 0644 even over a file anyone could write', async () => {
    const file = path.join(dir, 'chamados-agent.service');
    writeFileSync(file, 'old');
    chmodSync(file, 0o666);

    await writeSystemFile(file, 'new', 0o644);
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o644);
  });

  it('removes a file, and does not mind one that is already gone', async () => {
    const file = path.join(dir, 'chamados-agent.service');
    writeFileSync(file, 'unit');

    await removeSystemFile(file);
    await removeSystemFile(file);
    expect(() => statSync(file)).toThrow(/ENOENT/);
  });
});

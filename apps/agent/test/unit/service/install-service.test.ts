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
import { launchdPlist, systemdUnit } from '../../../src/service/service-definitions.ts';
import { windowsServiceHostSource } from '../../../src/service/windows-service-host.ts';

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

const hostSource = 'C:\\Program Files\\Chamados\\chamados-agent-service.cs';
const hostBinary = 'C:\\Program Files\\Chamados\\chamados-agent-service.exe';
const csc64 = 'C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\csc.exe';
const csc32 = 'C:\\Windows\\Microsoft.NET\\Framework\\v4.0.30319\\csc.exe';

/** The compiler's command line, as the installer runs it on a 64-bit Windows. */
const compileStep = [
  'run',
  csc64,
  '/nologo',
  '/target:exe',
  `/out:${hostBinary}`,
  '/reference:System.ServiceProcess.dll',
  hostSource,
];

/** Registering and starting the service, the last steps of every Windows install. */
const registerSteps = [
  [
    'run',
    'sc.exe',
    'create',
    'ChamadosAgent',
    'binPath=',
    `"${hostBinary}" "C:\\Program Files\\Chamados\\chamados-agent.exe"`,
    'start=',
    'delayed-auto',
    'obj=',
    'LocalSystem',
    'DisplayName=',
    'Chamados Agent',
  ],
  [
    'run',
    'sc.exe',
    'description',
    'ChamadosAgent',
    'Reports inventory and heartbeats to the helpdesk.',
  ],
  [
    'run',
    'sc.exe',
    'failure',
    'ChamadosAgent',
    'reset=',
    '86400',
    'actions=',
    'restart/60000/restart/60000/restart/60000',
  ],
  ['run', 'sc.exe', 'start', 'ChamadosAgent'],
];

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chamados-install-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

interface RecordingHost {
  options: InstallOptions;
  /**
   * `['write', file, mode]`, `['run', command, ...args]`, `['remove', file]` or
   * `['sleep', milliseconds]`, in order.
   */
  steps: string[][];
  written: Map<string, string | Uint8Array>;
  lines: string[];
}

interface HostSetup {
  uid?: number;
  /** Commands, by their first words, that fail as if refused. */
  failing?: string[][];
  /**
   * Windows: how many times `sc.exe query` still finds the service before it is gone. A real
   * `sc.exe query` fails for a service that does not exist.
   */
  queriesUntilGone?: number;
  /** Windows: the files that exist, for the compiler lookup; the 64-bit csc.exe by default. */
  existing?: string[];
}

function recordingHost(
  platform: NodeJS.Platform,
  { uid = 0, failing = [], queriesUntilGone = 0, existing = [csc64] }: HostSetup = {},
): RecordingHost {
  const steps: string[][] = [];
  const written = new Map<string, string | Uint8Array>();
  const lines: string[] = [];
  let queries = 0;
  const refused = (argv: string[]) => {
    if (argv[0] === 'sc.exe' && argv[1] === 'query') return ++queries > queriesUntilGone;
    return failing.some((failure) => failure.every((part, index) => argv[index] === part));
  };
  const options: InstallOptions = {
    platform,
    executable: executables[platform] ?? '/usr/local/bin/chamados-agent',
    uid,
    run: async (command, args) => {
      const argv = [command, ...args];
      steps.push(['run', ...argv]);
      if (refused(argv)) {
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
    windir: 'C:\\Windows',
    exists: (file) => existing.includes(file),
    sleep: async (milliseconds) => {
      steps.push(['sleep', String(milliseconds)]);
    },
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

  it('on Windows replaces an earlier service with a freshly compiled host', async () => {
    const host = recordingHost('win32');
    await installService(host.options);

    expect(host.steps).toEqual([
      ['run', 'sc.exe', 'stop', 'ChamadosAgent'],
      ['run', 'sc.exe', 'delete', 'ChamadosAgent'],
      ['run', 'sc.exe', 'query', 'ChamadosAgent'],
      ['write', hostSource, '644'],
      compileStep,
      ['remove', hostSource],
      ...registerSteps,
    ]);
    expect(host.written.get(hostSource)).toBe(windowsServiceHostSource);
    expect(host.lines.at(-1)).toBe(
      'Installed the Windows service ChamadosAgent; it logs to %ProgramData%\\Chamados\\agent.log',
    );
  });

  it('on Windows carries on when there is no earlier service, and says so', async () => {
    const host = recordingHost('win32', {
      failing: [
        ['sc.exe', 'stop'],
        ['sc.exe', 'delete'],
      ],
    });
    await installService(host.options);

    expect(host.steps.slice(3)).toEqual([
      ['write', hostSource, '644'],
      compileStep,
      ['remove', hostSource],
      ...registerSteps,
    ]);
    expect(host.lines.filter((line) => line.startsWith('Continuing'))).toEqual([
      'Continuing, as there may have been nothing to stop: ' +
        'sc.exe stop ChamadosAgent exited with status 1: refused',
      'Continuing, as there may have been nothing to stop: ' +
        'sc.exe delete ChamadosAgent exited with status 1: refused',
    ]);
  });

  it('on Windows waits for the earlier service to be gone before replacing its host', async () => {
    const host = recordingHost('win32', { queriesUntilGone: 2 });
    await installService(host.options);

    expect(host.steps.slice(0, 7)).toEqual([
      ['run', 'sc.exe', 'stop', 'ChamadosAgent'],
      ['run', 'sc.exe', 'delete', 'ChamadosAgent'],
      ['run', 'sc.exe', 'query', 'ChamadosAgent'],
      ['sleep', '1000'],
      ['run', 'sc.exe', 'query', 'ChamadosAgent'],
      ['sleep', '1000'],
      ['run', 'sc.exe', 'query', 'ChamadosAgent'],
    ]);
    expect(host.lines).toContain('Waiting for the service ChamadosAgent to go away');
  });

  it('on Windows uses the 32-bit compiler where there is no 64-bit one', async () => {
    const host = recordingHost('win32', { existing: [csc32] });
    await installService(host.options);

    expect(host.steps).toContainEqual(['run', csc32, ...compileStep.slice(2)]);
  });

  it('on Windows keeps the source when the compiler fails, so its errors can be seen', async () => {
    const host = recordingHost('win32', { failing: [[csc64]] });
    const error = await rejection(installService(host.options));

    expect(error.message).toBe(`${compileStep.slice(1).join(' ')} exited with status 1: refused`);
    expect(error.hint).toBe(`Run the command above by hand to see why, then delete ${hostSource}.`);
    expect(host.steps.at(-1)).toEqual(compileStep);
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
        ['run', 'sc.exe', 'stop', 'ChamadosAgent'],
        ['run', 'sc.exe', 'delete', 'ChamadosAgent'],
        ['run', 'sc.exe', 'query', 'ChamadosAgent'],
        ['remove', hostBinary],
      ],
    ],
  ] as const)('on %s stops the agent and removes its definition', async (platform, steps) => {
    const host = recordingHost(platform);
    await uninstallService(host.options);
    expect(host.steps).toEqual(steps);
  });

  it('on Windows removes the host only once the service is gone', async () => {
    const host = recordingHost('win32', { failing: [['sc.exe', 'stop']], queriesUntilGone: 1 });
    await uninstallService(host.options);

    expect(host.steps).toEqual([
      ['run', 'sc.exe', 'stop', 'ChamadosAgent'],
      ['run', 'sc.exe', 'delete', 'ChamadosAgent'],
      ['run', 'sc.exe', 'query', 'ChamadosAgent'],
      ['sleep', '1000'],
      ['run', 'sc.exe', 'query', 'ChamadosAgent'],
      ['remove', hostBinary],
    ]);
    expect(host.lines.at(-1)).toBe('Removed the Windows service ChamadosAgent.');
  });

  it('on Windows fails when there is no service to delete, and leaves the files', async () => {
    const host = recordingHost('win32', { failing: [['sc.exe', 'delete']] });
    const error = await rejection(uninstallService(host.options));

    expect(error.message).toBe('sc.exe delete ChamadosAgent exited with status 1: refused');
    expect(host.steps.at(-1)).toEqual(['run', 'sc.exe', 'delete', 'ChamadosAgent']);
  });

  it('on Windows gives up on a service that is not gone after 30 s', async () => {
    const host = recordingHost('win32', { queriesUntilGone: Number.POSITIVE_INFINITY });
    const error = await rejection(uninstallService(host.options));

    expect(error.message).toBe(
      'The service ChamadosAgent was still there 30 s after it was deleted.',
    );
    expect(error.hint).toBe(
      'If access was denied above, run it again from a Command Prompt opened as administrator. ' +
        'Otherwise close the Services and Event Viewer windows, which keep a service from being ' +
        'deleted, and run it again.',
    );
    expect(host.steps.filter((step) => step[2] === 'query')).toHaveLength(30);
    expect(host.steps.filter((step) => step[0] === 'sleep')).toHaveLength(30);
    expect(host.steps.some((step) => step[0] === 'remove')).toBe(false);
  });

  it('on Windows says which file to delete by hand when the host cannot be removed', async () => {
    const host = recordingHost('win32');
    const error = await rejection(
      uninstallService({
        ...host.options,
        removeFile: async () => {
          throw new Error('EBUSY: resource busy or locked');
        },
      }),
    );

    expect(error.message).toBe(
      `The service is removed, but its host ${hostBinary} is not: EBUSY: resource busy or locked`,
    );
    expect(error.hint).toBe('Delete that file by hand.');
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

  it('on Windows, a refusal by sc.exe gets an administrator hint', async () => {
    const host = recordingHost('win32', { failing: [['sc.exe', 'create']] });
    const error = await rejection(installService(host.options));

    expect(error.message).toMatch(
      /^sc\.exe create ChamadosAgent .* exited with status 1: refused$/,
    );
    expect(error.hint).toBe(
      'If access was denied, run it again from a Command Prompt opened as administrator.',
    );
    expect(host.steps.at(-1)?.slice(0, 3)).toEqual(['run', 'sc.exe', 'create']);
  });

  it('on Windows, a file it may not write gets the administrator hint too', async () => {
    const host = recordingHost('win32');
    const denied = Object.assign(
      new Error(`EPERM: operation not permitted, open '${hostSource}'`),
      {
        code: 'EPERM',
      },
    );
    const error = await rejection(
      installService({
        ...host.options,
        writeFile: async () => {
          throw denied;
        },
      }),
    );

    expect(error.message).toBe(denied.message);
    expect(error.exitCode).toBe(exitCodes.permission);
    expect(error.hint).toBe(
      'If access was denied, run it again from a Command Prompt opened as administrator.',
    );
  });

  it('on Windows without the .NET Framework compiler, changes nothing', async () => {
    const host = recordingHost('win32', { existing: [] });
    const error = await rejection(installService(host.options));

    expect(error.message).toBe(
      `The .NET Framework C# compiler is not installed: neither ${csc64} nor ${csc32} exists.`,
    );
    expect(error.hint).toBe(
      'Turn on the .NET Framework 4.8 in "Turn Windows features on or off", then install again.',
    );
    expect(host.steps).toEqual([]);
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

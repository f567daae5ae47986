import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentError, exitCodes } from '../../../src/errors.ts';
import {
  launchdPlist,
  systemdUnit,
  windowsServiceControl,
  windowsServiceFiles,
  windowsServiceInstallCommands,
} from '../../../src/service/service-definitions.ts';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chamados-service-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Whether a program can be started here; the checks below use real tools when they exist. */
function installed(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).error === undefined;
}

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected it to throw');
}

describe('the systemd unit', () => {
  it('runs the agent as an always-restarted, hardened service after the network is up', () => {
    expect(systemdUnit({ executable: '/usr/local/bin/chamados-agent' })).toBe(
      [
        '# Written by "chamados-agent service install"; installing again replaces this file.',
        '[Unit]',
        'Description=Chamados agent (inventory and heartbeats for the helpdesk)',
        'Wants=network-online.target',
        'After=network-online.target',
        '',
        '[Service]',
        'Type=simple',
        'ExecStart="/usr/local/bin/chamados-agent" run',
        'Restart=always',
        'RestartSec=10',
        'StandardOutput=journal',
        'StandardError=journal',
        'SyslogIdentifier=chamados-agent',
        'NoNewPrivileges=yes',
        'ProtectSystem=full',
        'ProtectHome=read-only',
        'PrivateTmp=yes',
        '',
        '[Install]',
        'WantedBy=multi-user.target',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['/opt/Chamados Agent/chamados-agent', 'ExecStart="/opt/Chamados Agent/chamados-agent" run'],
    ['/opt/100% agent/chamados-agent', 'ExecStart="/opt/100%% agent/chamados-agent" run'],
    ['/opt/$HOME/chamados-agent', 'ExecStart="/opt/$HOME/chamados-agent" run'],
  ])('quotes %s so systemd reads it as one path', (executable, line) => {
    expect(systemdUnit({ executable }).split('\n')).toContain(line);
  });

  it('grants write access to a state directory the hardening would make read-only', () => {
    const unit = systemdUnit({
      executable: '/usr/local/bin/chamados-agent',
      stateDir: '/etc/chamados agent',
    });
    expect(unit.split('\n')).toContain('ReadWritePaths=-"/etc/chamados agent"');
  });

  it.each([
    ['a relative path', 'chamados-agent'],
    ['a double quote', '/opt/a"b/chamados-agent'],
    ['an apostrophe', "/opt/it's/chamados-agent"],
    ['a backslash', '/opt/a\\b/chamados-agent'],
    ['a line break', '/opt/a\nb/chamados-agent'],
  ])('refuses an executable path with %s, which systemd would not start', (_, executable) => {
    const error = thrown(() => systemdUnit({ executable }));
    expect(error).toBeInstanceOf(AgentError);
    expect((error as AgentError).exitCode).toBe(exitCodes.failed);
    expect((error as AgentError).message).toContain(executable);
  });

  it('passes systemd-analyze verify, with spaces, % and $ in the paths', ({ skip }) => {
    skip(!installed('systemd-analyze', ['--version']), 'systemd-analyze is not installed here');

    // Unless doubled, systemd would replace `%h` with a home directory.
    const binDir = path.join(dir, 'Chamados Agent %h $HOME');
    mkdirSync(binDir);
    const executable = path.join(binDir, 'chamados-agent');
    writeFileSync(executable, '#!/bin/sh\nexit 0\n');
    chmodSync(executable, 0o755);
    const unit = systemdUnit({ executable, stateDir: path.join(dir, 'state dir') });

    expect(verifyUnit(unit)).toEqual({ status: 0, complaints: [] });
    // The same unit without the quotes fails, so the check above is not one that always passes.
    const unquoted = unit.replace(/^ExecStart="(.*)" run$/m, 'ExecStart=$1 run');
    expect(verifyUnit(unquoted).status).not.toBe(0);
  });
});

/** Runs `systemd-analyze verify` and keeps what it says about our unit, not about the host's. */
function verifyUnit(unit: string): { status: number | null; complaints: string[] } {
  const file = path.join(dir, 'chamados-agent.service');
  writeFileSync(file, unit);
  const result = spawnSync('systemd-analyze', ['verify', file], { encoding: 'utf8' });
  const complaints = result.stderr.split('\n').filter((line) => line.includes('chamados-agent'));
  return { status: result.status, complaints };
}

describe('the launchd property list', () => {
  const logPath = '/Library/Logs/chamados-agent.log';

  it('keeps the agent running from boot, restarting it ten seconds apart', () => {
    const plist = launchdPlist({ executable: '/usr/local/bin/chamados-agent', logPath });
    expect(plist).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" ' +
          '"http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
        '<plist version="1.0">',
        '<dict>',
        '\t<key>Label</key>',
        '\t<string>br.chamados.agent</string>',
        '\t<key>ProgramArguments</key>',
        '\t<array>',
        '\t\t<string>/usr/local/bin/chamados-agent</string>',
        '\t\t<string>run</string>',
        '\t</array>',
        '\t<key>RunAtLoad</key>',
        '\t<true/>',
        '\t<key>KeepAlive</key>',
        '\t<true/>',
        '\t<key>ThrottleInterval</key>',
        '\t<integer>10</integer>',
        '\t<key>StandardErrorPath</key>',
        '\t<string>/Library/Logs/chamados-agent.log</string>',
        '</dict>',
        '</plist>',
        '',
      ].join('\n'),
    );
  });

  const awkward = `/Applications/R&D <tools>/"Chamados" Agent's/chamados-agent`;

  it('escapes XML characters in the paths', () => {
    expect(launchdPlist({ executable: awkward, logPath })).toContain(
      '<string>/Applications/R&amp;D &lt;tools&gt;/&quot;Chamados&quot; Agent&apos;s/' +
        'chamados-agent</string>',
    );
  });

  it('parses back to the same values with Python plistlib', ({ skip }) => {
    skip(!installed('python3', ['--version']), 'python3 is not installed here');

    const file = path.join(dir, 'br.chamados.agent.plist');
    writeFileSync(file, launchdPlist({ executable: awkward, logPath }));
    const script =
      'import json,plistlib,sys; print(json.dumps(plistlib.load(open(sys.argv[1],"rb"))))';
    const result = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });

    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      Label: 'br.chamados.agent',
      ProgramArguments: [awkward, 'run'],
      RunAtLoad: true,
      KeepAlive: true,
      ThrottleInterval: 10,
      StandardErrorPath: logPath,
    });
  });

  it('passes plutil -lint', ({ skip }) => {
    skip(!installed('plutil', ['-help']), 'plutil exists only on macOS');

    const file = path.join(dir, 'br.chamados.agent.plist');
    writeFileSync(file, launchdPlist({ executable: awkward, logPath }));
    expect(spawnSync('plutil', ['-lint', file]).status).toBe(0);
  });

  it('refuses a relative path', () => {
    expect(() => launchdPlist({ executable: 'chamados-agent', logPath })).toThrow(AgentError);
  });
});

describe('Windows', () => {
  const executable = 'C:\\Program Files\\Chamados\\chamados-agent.exe';
  const host = 'C:\\Program Files\\Chamados\\chamados-agent-service.exe';

  it('keeps the service host and its source next to the agent', () => {
    expect(windowsServiceFiles({ executable })).toEqual({
      source: 'C:\\Program Files\\Chamados\\chamados-agent-service.cs',
      host,
    });
  });

  it('registers a delayed-start LocalSystem service that runs the host with the agent', () => {
    expect(windowsServiceInstallCommands({ host, executable })).toEqual([
      [
        'sc.exe',
        'create',
        'ChamadosAgent',
        'binPath=',
        '"C:\\Program Files\\Chamados\\chamados-agent-service.exe" ' +
          '"C:\\Program Files\\Chamados\\chamados-agent.exe"',
        'start=',
        'delayed-auto',
        'obj=',
        'LocalSystem',
        'DisplayName=',
        'Chamados Agent',
      ],
      [
        'sc.exe',
        'description',
        'ChamadosAgent',
        'Reports inventory and heartbeats to the helpdesk.',
      ],
      [
        'sc.exe',
        'failure',
        'ChamadosAgent',
        'reset=',
        '86400',
        'actions=',
        'restart/60000/restart/60000/restart/60000',
      ],
      ['sc.exe', 'start', 'ChamadosAgent'],
    ]);
  });

  it('controls the service by name', () => {
    expect(windowsServiceControl).toEqual({
      stop: ['sc.exe', 'stop', 'ChamadosAgent'],
      delete: ['sc.exe', 'delete', 'ChamadosAgent'],
      query: ['sc.exe', 'query', 'ChamadosAgent'],
    });
  });

  it.each([
    ['a relative path', 'chamados-agent.exe'],
    ['a path relative to the current drive', '\\Chamados\\chamados-agent.exe'],
    ['a POSIX path', '/usr/local/bin/chamados-agent'],
    ['a double quote', 'C:\\a"b\\chamados-agent.exe'],
    ['a line break', 'C:\\a\nb\\chamados-agent.exe'],
  ])('refuses %s', (_, path) => {
    expect(() => windowsServiceFiles({ executable: path })).toThrow(AgentError);
    expect(() => windowsServiceInstallCommands({ host, executable: path })).toThrow(AgentError);
    expect(() => windowsServiceInstallCommands({ host: path, executable })).toThrow(AgentError);
  });
});

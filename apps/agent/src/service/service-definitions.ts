import path from 'node:path';
import { AgentError, exitCodes } from '../errors.ts';

/**
 * What each operating system's service manager is told about the agent: a systemd unit, a
 * launchd property list, the `sc.exe` commands of the Windows service, and where each goes.
 * Pure text in, text out; `install-service.ts` writes the files and runs the commands.
 */

/** A command and its arguments, run without a shell. */
export type Argv = readonly [command: string, ...args: string[]];

export const systemdUnitName = 'chamados-agent.service';
export const systemdUnitPath = `/etc/systemd/system/${systemdUnitName}`;
export const launchdLabel = 'br.chamados.agent';
export const launchdPlistPath = `/Library/LaunchDaemons/${launchdLabel}.plist`;
/** `/Library/Logs` exists on every Mac; launchd creates the file but not missing directories. */
export const launchdLogPath = '/Library/Logs/chamados-agent.log';
export const windowsServiceName = 'ChamadosAgent';
/** Where the Windows service host appends the agent's output, as written in its C#. */
export const windowsLogPath = String.raw`%ProgramData%\Chamados\agent.log`;

/**
 * How long systemd and launchd wait before starting the agent again after it exits; the Windows
 * service host, in its own C#, waits as long. Ten seconds also keeps systemd under its default
 * limit of five starts in ten seconds, after which it would stop restarting the unit altogether.
 */
export const restartDelaySeconds = 10;

/**
 * How the agent runs on Windows, and what that costs, worded for the README. A Windows service
 * must answer the service control manager's protocol, which a Node single executable cannot:
 * the manager would end it 30 seconds after each start. Hence the host, in
 * `windows-service-host.ts`.
 */
export const windowsServiceLimitation =
  'On Windows the agent runs as the service "ChamadosAgent" under LocalSystem, through a small ' +
  'service host that "service install" compiles on the machine with the C# compiler of the ' +
  '.NET Framework 4.x, which Windows includes; installing fails where that compiler is missing. ' +
  'The host starts the agent, starts it again 10 seconds after it exits, and appends its output ' +
  `to ${windowsLogPath}, rotated at 10 MB when the service starts. Stopping the service sends ` +
  'the agent Ctrl+C and kills it, with whatever it runs, if it has not ended within 5 seconds. ' +
  'Should the host itself crash, the agent keeps running unattended until the next reboot, and ' +
  'the restart Windows then makes of the service starts a second agent beside it.';

/**
 * The systemd unit. The hardening keeps the agent from gaining privileges or changing the
 * operating system while leaving everything readable, because collecting the inventory means
 * reading package databases, `/sys` and `/proc`. `stateDir` is needed only when the agent keeps
 * its state somewhere this hardening makes read-only (under `/etc`, `/usr` or a home directory);
 * `/var/lib` is writable as it is.
 */
export function systemdUnit(options: { executable: string; stateDir?: string }): string {
  const executable = systemdPath(options.executable, 'executable');
  const writable =
    options.stateDir === undefined
      ? []
      : [
          '# The leading "-" lets the agent start before its state directory exists.',
          `ReadWritePaths=-${systemdPath(options.stateDir, 'state directory')}`,
        ];

  return [
    '# Written by "chamados-agent service install"; installing again replaces this file.',
    '[Unit]',
    'Description=Chamados agent (inventory and heartbeats for the helpdesk)',
    'Wants=network-online.target',
    'After=network-online.target',
    '',
    '[Service]',
    'Type=simple',
    `ExecStart=${executable} run`,
    'Restart=always',
    `RestartSec=${restartDelaySeconds}`,
    'StandardOutput=journal',
    'StandardError=journal',
    'SyslogIdentifier=chamados-agent',
    'NoNewPrivileges=yes',
    'ProtectSystem=full',
    'ProtectHome=read-only',
    'PrivateTmp=yes',
    ...writable,
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
}

/**
 * The launchd job. `KeepAlive` restarts the agent whenever it exits; `ThrottleInterval` spaces
 * those restarts. launchd never rotates `logPath`: it grows until someone truncates it.
 */
export function launchdPlist(options: { executable: string; logPath: string }): string {
  const executable = xmlText(posixPath(options.executable, 'executable'));
  const logPath = xmlText(posixPath(options.logPath, 'log file'));

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" ' +
      '"http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    '<dict>',
    '\t<key>Label</key>',
    `\t<string>${launchdLabel}</string>`,
    '\t<key>ProgramArguments</key>',
    '\t<array>',
    `\t\t<string>${executable}</string>`,
    '\t\t<string>run</string>',
    '\t</array>',
    '\t<key>RunAtLoad</key>',
    '\t<true/>',
    '\t<key>KeepAlive</key>',
    '\t<true/>',
    '\t<key>ThrottleInterval</key>',
    `\t<integer>${restartDelaySeconds}</integer>`,
    '\t<key>StandardErrorPath</key>',
    `\t<string>${logPath}</string>`,
    '</dict>',
    '</plist>',
    '',
  ].join('\n');
}

/**
 * The files of the Windows service host, next to the agent's binary: the C# source, written and
 * compiled at install time and then removed, and the host it compiles to, which the service runs.
 */
export function windowsServiceFiles(options: { executable: string }): {
  source: string;
  host: string;
} {
  const folder = path.win32.dirname(windowsPath(options.executable));
  return {
    source: path.win32.join(folder, 'chamados-agent-service.cs'),
    host: path.win32.join(folder, 'chamados-agent-service.exe'),
  };
}

/**
 * The `sc.exe` commands that register the service and start it. The service runs the host,
 * which is given the agent's path as its argument and runs the agent itself.
 */
export function windowsServiceInstallCommands(options: {
  host: string;
  executable: string;
}): Argv[] {
  const binPath = `"${windowsPath(options.host)}" "${windowsPath(options.executable)}"`;
  const name = windowsServiceName;

  return [
    [
      'sc.exe',
      'create',
      name,
      'binPath=',
      binPath,
      'start=',
      // Started once the boot has settled: the agent has nothing urgent to do at boot.
      'delayed-auto',
      'obj=',
      'LocalSystem',
      'DisplayName=',
      'Chamados Agent',
    ],
    ['sc.exe', 'description', name, 'Reports inventory and heartbeats to the helpdesk.'],
    // Restart one minute after each of the first three failures in a day. A failure here is
    // the host ending without reporting a stop; the agent's own exits the host handles itself.
    [
      'sc.exe',
      'failure',
      name,
      'reset=',
      '86400',
      'actions=',
      'restart/60000/restart/60000/restart/60000',
    ],
    ['sc.exe', 'start', name],
  ];
}

/** The `sc.exe` commands that control an installed service. */
export const windowsServiceControl: {
  /** Returns at once, while the service is still stopping. */
  stop: Argv;
  /** Deletes the service once it has stopped and nothing holds it open, maybe much later. */
  delete: Argv;
  /** Fails once the service no longer exists, which is what the installer waits for. */
  query: Argv;
} = {
  stop: ['sc.exe', 'stop', windowsServiceName],
  delete: ['sc.exe', 'delete', windowsServiceName],
  query: ['sc.exe', 'query', windowsServiceName],
};

/**
 * Quotes a path for a systemd unit. systemd refuses to start an executable whose path holds a
 * quote or a backslash, escaped or not, so such paths are refused here with a clearer message
 * (for the state directory too, to keep one rule). `%` starts a specifier and is doubled. `$`
 * needs nothing: systemd does not expand variables in the executable's path.
 */
function systemdPath(value: string, what: string): string {
  const checked = posixPath(value, what);
  if (/["'\\]/.test(checked)) {
    throw new AgentError(
      `A systemd unit cannot name a ${what} whose path has quotes or backslashes: ${checked}`,
      exitCodes.failed,
      'Use a path without them (for the agent itself, /usr/local/bin) and install again.',
    );
  }
  return `"${checked.replaceAll('%', '%%')}"`;
}

function posixPath(value: string, what: string): string {
  if (!path.posix.isAbsolute(value) || hasControlCharacters(value)) {
    throw new AgentError(
      `The ${what} path must be absolute and free of control characters: ${value}`,
      exitCodes.failed,
    );
  }
  return value;
}

/**
 * A drive or UNC path; `path.win32.isAbsolute` would also take `\dir`, which is relative to the
 * current drive. Windows file names cannot contain `"`, so a quote means the path is not one;
 * refusing it also keeps the quoting of the service's command line sound.
 */
function windowsPath(value: string): string {
  const absolute = /^([A-Za-z]:\\|\\\\)/.test(value);
  if (!absolute || value.includes('"') || hasControlCharacters(value)) {
    throw new AgentError(
      `The executable path must be an absolute Windows path: ${value}`,
      exitCodes.failed,
    );
  }
  return value;
}

/**
 * Control characters would end a unit file line early, are not allowed in XML 1.0 and have no
 * place in a Windows file name.
 */
function hasControlCharacters(value: string): boolean {
  for (const character of value) {
    const code = character.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

function xmlText(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

import path from 'node:path';
import { AgentError, exitCodes } from '../errors.ts';

/**
 * What each operating system's service manager is told about the agent: a systemd unit, a
 * launchd property list, a Task Scheduler definition, and the command lines that register them.
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
export const windowsTaskName = 'Chamados Agent';

/**
 * How long systemd and launchd wait before starting the agent again after it exits. Ten seconds
 * also keeps systemd under its default limit of five starts in ten seconds, after which it would
 * stop restarting the unit altogether.
 */
export const restartDelaySeconds = 10;

/**
 * Why Windows gets a Scheduled Task and not a service, worded for the README. A Windows service
 * must answer the service control manager's protocol, and a Node single executable does not:
 * `sc.exe start` waits 30 seconds for a "running" report that never comes, fails with error
 * 1053 and ends the process.
 */
export const windowsServiceLimitation =
  'On Windows the agent is not a Windows service: a Node single executable cannot answer the ' +
  'service control manager, which ends a service that has not reported itself running within ' +
  '30 seconds. It runs instead as the Scheduled Task "Chamados Agent", started at boot under ' +
  'the SYSTEM account and checked every five minutes. Running it as a real service would need ' +
  'a service wrapper, which the agent does not ship.';

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
 * The `sc.exe` commands that would register the agent as a Windows service. They are not used,
 * see `windowsServiceLimitation`: without a service wrapper the service control manager would
 * end the agent 30 seconds after each start. They stay here, tested, for the day a wrapper
 * ships and `binPath` points at it.
 */
export function windowsServiceCommands(options: { executable: string }): {
  install: Argv[];
  uninstall: Argv[];
} {
  const executable = windowsPath(options.executable);
  const name = windowsServiceName;

  return {
    install: [
      [
        'sc.exe',
        'create',
        name,
        'binPath=',
        `"${executable}" run`,
        'start=',
        'delayed-auto',
        'DisplayName=',
        'Chamados Agent',
      ],
      ['sc.exe', 'description', name, 'Reports inventory and heartbeats to the helpdesk.'],
      // Restart one minute after each of the first three failures in a day.
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
    ],
    uninstall: [
      ['sc.exe', 'stop', name],
      ['sc.exe', 'delete', name],
    ],
  };
}

/**
 * The Task Scheduler definition, registered with `schtasks /Create /XML`. The shorter form,
 * `schtasks /Create /SC ONSTART /RU SYSTEM /TR ...`, cannot change three defaults that would
 * each silently stop the agent: such a task does not start while the computer is on battery,
 * is stopped when it switches to battery, and is ended after 72 hours of running. The task also
 * fires every five minutes and ignores the start while an instance runs: that is what restarts
 * the agent after a crash, since Task Scheduler's own restart setting covers only a failure to
 * launch, not a program that exits.
 */
export function windowsTaskXml(options: { executable: string }): string {
  const executable = xmlText(windowsPath(options.executable));

  return [
    '<?xml version="1.0" encoding="UTF-16"?>',
    '<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">',
    '  <RegistrationInfo>',
    '    <Description>Chamados agent: reports inventory and heartbeats to the helpdesk.' +
      '</Description>',
    '  </RegistrationInfo>',
    '  <Triggers>',
    '    <BootTrigger>',
    '      <Enabled>true</Enabled>',
    '    </BootTrigger>',
    '    <TimeTrigger>',
    '      <StartBoundary>2000-01-01T00:00:00</StartBoundary>',
    '      <Repetition>',
    '        <Interval>PT5M</Interval>',
    '      </Repetition>',
    '      <Enabled>true</Enabled>',
    '    </TimeTrigger>',
    '  </Triggers>',
    '  <Principals>',
    '    <Principal id="Author">',
    // S-1-5-18 is the LocalSystem account, named by its SID so that a localised Windows, where
    // the account is not called SYSTEM, resolves it too.
    '      <UserId>S-1-5-18</UserId>',
    '      <RunLevel>HighestAvailable</RunLevel>',
    '    </Principal>',
    '  </Principals>',
    '  <Settings>',
    '    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>',
    '    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>',
    '    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>',
    '    <ExecutionTimeLimit>PT0S</ExecutionTimeLimit>',
    '    <AllowStartOnDemand>true</AllowStartOnDemand>',
    '    <Enabled>true</Enabled>',
    '  </Settings>',
    '  <Actions Context="Author">',
    '    <Exec>',
    `      <Command>${executable}</Command>`,
    '      <Arguments>run</Arguments>',
    '    </Exec>',
    '  </Actions>',
    '</Task>',
    '',
  ].join('\r\n');
}

/** The `schtasks.exe` commands that manage the agent's Scheduled Task. */
export const windowsTaskCommands: {
  /** `/F` replaces a task left by an earlier install instead of failing on it. */
  create: (definitionPath: string) => Argv;
  run: Argv;
  end: Argv;
  delete: Argv;
} = {
  create: (definitionPath) => [
    'schtasks.exe',
    '/Create',
    '/TN',
    windowsTaskName,
    '/XML',
    definitionPath,
    '/F',
  ],
  run: ['schtasks.exe', '/Run', '/TN', windowsTaskName],
  end: ['schtasks.exe', '/End', '/TN', windowsTaskName],
  delete: ['schtasks.exe', '/Delete', '/TN', windowsTaskName, '/F'],
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
 * current drive. Windows file names cannot contain `"`, so a quote means the path is not one.
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

/** Control characters would end a unit file line early and are not allowed in XML 1.0. */
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

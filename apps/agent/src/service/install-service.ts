import { chmod, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AgentError, exitCodes } from '../errors.ts';
import type { CommandRunner } from './run-command.ts';
import {
  type Argv,
  launchdLabel,
  launchdLogPath,
  launchdPlist,
  launchdPlistPath,
  systemdUnit,
  systemdUnitName,
  systemdUnitPath,
  windowsTaskCommands,
  windowsTaskName,
  windowsTaskXml,
} from './service-definitions.ts';

/** Writes a whole file with exactly these permission bits, replacing any file already there. */
export type FileWriter = (
  file: string,
  content: string | Uint8Array,
  mode: number,
) => Promise<void>;

/** Removes a file; one that is already gone is not an error. */
export type FileRemover = (file: string) => Promise<void>;

/**
 * Everything the installer touches, passed in: it changes how the machine boots, so its tests
 * replace the commands and the files, and check exactly what would have been run and written.
 */
export interface InstallOptions {
  platform: NodeJS.Platform;
  /** Absolute path of the binary the service starts; in the shipped agent, `process.execPath`. */
  executable: string;
  run: CommandRunner;
  writeFile: FileWriter;
  removeFile: FileRemover;
  /** Progress for the operator, one line at a time; the CLI sends it to stderr. */
  log: (line: string) => void;
  /** The effective user id; `process.getuid()` when absent, and absent itself on Windows. */
  uid?: number;
  /** Linux only: a state directory the systemd hardening would otherwise make read-only. */
  stateDir?: string;
}

export type UninstallOptions = Omit<InstallOptions, 'executable' | 'writeFile' | 'stateDir'>;

/** The file writer used for real. */
export const writeSystemFile: FileWriter = async (file, content, mode) => {
  await writeFile(file, content, { mode });
  // `mode` above applies only to a new file, narrowed by the umask; launchd ignores a job whose
  // file group or others can write, so the bits are set again explicitly.
  await chmod(file, mode);
};

export const removeSystemFile: FileRemover = (file) => rm(file, { force: true });

/** Service definitions are public knowledge; only root may change them. */
const definitionMode = 0o644;

/**
 * Registers the agent with the operating system's service manager and starts it. Installing
 * again replaces the definition and restarts the agent, so it also moves an installed agent to
 * a new binary.
 */
export async function installService(options: InstallOptions): Promise<void> {
  requireRoot(options, 'install');

  if (options.platform === 'linux') return installSystemd(options);
  if (options.platform === 'darwin') return installLaunchd(options);
  if (options.platform === 'win32') return withAdministratorHint(installScheduledTask(options));
  throw unsupported(options.platform);
}

/** Stops the agent and removes it from the service manager. The binary and its state stay. */
export async function uninstallService(options: UninstallOptions): Promise<void> {
  requireRoot(options, 'uninstall');

  if (options.platform === 'linux') return uninstallSystemd(options);
  if (options.platform === 'darwin') return uninstallLaunchd(options);
  if (options.platform === 'win32') return withAdministratorHint(uninstallScheduledTask(options));
  throw unsupported(options.platform);
}

async function installSystemd(options: InstallOptions): Promise<void> {
  const unit = systemdUnit({ executable: options.executable, stateDir: options.stateDir });
  await write(options, systemdUnitPath, unit);

  await run(options, ['systemctl', 'daemon-reload']);
  // `restart` rather than `enable --now`: on a second install the agent is already running,
  // and only a restart makes it pick up the new unit and binary.
  await run(options, ['systemctl', 'enable', systemdUnitName]);
  await run(options, ['systemctl', 'restart', systemdUnitName]);

  options.log(
    `Installed ${systemdUnitName}; follow its log with: journalctl -u ${systemdUnitName}`,
  );
}

async function uninstallSystemd(options: UninstallOptions): Promise<void> {
  await runIfPossible(options, ['systemctl', 'disable', '--now', systemdUnitName]);
  await remove(options, systemdUnitPath);
  await run(options, ['systemctl', 'daemon-reload']);

  options.log(`Removed ${systemdUnitName}.`);
}

async function installLaunchd(options: InstallOptions): Promise<void> {
  const plist = launchdPlist({ executable: options.executable, logPath: launchdLogPath });
  await write(options, launchdPlistPath, plist);

  // launchd refuses to bootstrap a label it already runs, which an earlier install leaves.
  await runIfPossible(options, ['launchctl', 'bootout', `system/${launchdLabel}`]);
  await run(options, ['launchctl', 'bootstrap', 'system', launchdPlistPath]);

  options.log(`Installed the launch daemon ${launchdLabel}; it logs to ${launchdLogPath}`);
}

async function uninstallLaunchd(options: UninstallOptions): Promise<void> {
  await runIfPossible(options, ['launchctl', 'bootout', `system/${launchdLabel}`]);
  await remove(options, launchdPlistPath);

  options.log(`Removed the launch daemon ${launchdLabel}; its log ${launchdLogPath} is kept.`);
}

/**
 * Windows gets a Scheduled Task, not a service: see `windowsServiceLimitation`. `schtasks`
 * reads the definition from a file, written next to the binary and removed once registered.
 */
async function installScheduledTask(options: InstallOptions): Promise<void> {
  const definitionPath = path.win32.join(
    path.win32.dirname(options.executable),
    'chamados-agent-task.xml',
  );
  // Task Scheduler reads its XML as UTF-16 with a byte order mark, as it writes it itself.
  const definition = Buffer.from(
    `\ufeff${windowsTaskXml({ executable: options.executable })}`,
    'utf16le',
  );
  await write(options, definitionPath, definition);

  try {
    // An earlier install's agent keeps running through `/Create /F`; end it so `/Run` below
    // starts the new binary instead of being ignored as a second instance.
    await runIfPossible(options, windowsTaskCommands.end);
    await run(options, windowsTaskCommands.create(definitionPath));
  } finally {
    await remove(options, definitionPath);
  }
  await run(options, windowsTaskCommands.run);

  options.log(`Installed the Scheduled Task "${windowsTaskName}".`);
}

async function uninstallScheduledTask(options: UninstallOptions): Promise<void> {
  await runIfPossible(options, windowsTaskCommands.end);
  await run(options, windowsTaskCommands.delete);

  options.log(`Removed the Scheduled Task "${windowsTaskName}".`);
}

/**
 * Linux and macOS are checked up front, before anything is written. Windows has no cheap
 * equivalent of `getuid`; there `schtasks` itself refuses, and `withAdministratorHint` says
 * what to do about it.
 */
function requireRoot(options: UninstallOptions, verb: 'install' | 'uninstall'): void {
  if (options.platform !== 'linux' && options.platform !== 'darwin') return;

  const uid = options.uid ?? process.getuid?.();
  if (uid === 0) return;
  throw new AgentError(
    `Only root can ${verb} the agent's service.`,
    exitCodes.permission,
    `Run it again with sudo: sudo chamados-agent service ${verb}`,
  );
}

async function withAdministratorHint(work: Promise<void>): Promise<void> {
  try {
    await work;
  } catch (error) {
    if (!(error instanceof AgentError) || error.hint !== undefined) throw error;
    throw new AgentError(
      error.message,
      error.exitCode,
      'If access was denied, run it again from a Command Prompt opened as administrator.',
    );
  }
}

function unsupported(platform: NodeJS.Platform): AgentError {
  return new AgentError(
    `Installing the agent as a service is not supported on ${platform}.`,
    exitCodes.failed,
    'Have the system start "chamados-agent run" at boot and restart it when it exits.',
  );
}

async function write(options: InstallOptions, file: string, content: string | Uint8Array) {
  await options.writeFile(file, content, definitionMode);
  options.log(`Wrote ${file}`);
}

async function remove(options: UninstallOptions, file: string) {
  await options.removeFile(file);
  options.log(`Removed ${file}`);
}

async function run(options: UninstallOptions, [command, ...args]: Argv): Promise<void> {
  options.log(`Running ${[command, ...args].join(' ')}`);
  await options.run(command, args);
}

/**
 * For stopping a previous instance, which may not exist: a fresh install has nothing to stop,
 * and an uninstall may follow a half-finished one. The failure is shown, not fatal.
 */
async function runIfPossible(options: UninstallOptions, argv: Argv): Promise<void> {
  try {
    await run(options, argv);
  } catch (error) {
    if (!(error instanceof AgentError)) throw error;
    options.log(`Continuing, as there may have been nothing to stop: ${error.message}`);
  }
}

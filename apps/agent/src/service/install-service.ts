import { existsSync } from 'node:fs';
import { chmod, rm, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
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
  windowsLogPath,
  windowsServiceControl,
  windowsServiceFiles,
  windowsServiceInstallCommands,
  windowsServiceName,
} from './service-definitions.ts';
import { cscArgv, findCsc, windowsServiceHostSource } from './windows-service-host.ts';

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
  /** Windows only: `%WINDIR%`, where csc.exe is looked for; `process.env.WINDIR` if absent. */
  windir?: string;
  /** Windows only: whether a file exists, for the csc.exe lookup; `existsSync` if absent. */
  exists?: (file: string) => boolean;
  /** Windows only: waits between looks at a service being deleted; a real timer if absent. */
  sleep?: (milliseconds: number) => Promise<void>;
}

export interface UninstallOptions
  extends Omit<InstallOptions, 'executable' | 'writeFile' | 'stateDir' | 'windir' | 'exists'> {
  /**
   * Windows only: the agent's binary, next to which the service host was compiled;
   * `process.execPath` if absent, as the uninstall is run by the installed agent itself.
   */
  executable?: string;
}

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
  if (options.platform === 'win32') return withAdministratorHint(installWindowsService(options));
  throw unsupported(options.platform);
}

/** Stops the agent and removes it from the service manager. The binary and its state stay. */
export async function uninstallService(options: UninstallOptions): Promise<void> {
  requireRoot(options, 'uninstall');

  if (options.platform === 'linux') return uninstallSystemd(options);
  if (options.platform === 'darwin') return uninstallLaunchd(options);
  if (options.platform === 'win32') return withAdministratorHint(uninstallWindowsService(options));
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
 * Windows: a service whose program is a host compiled here from C#, see `windowsServiceLimitation`.
 * The compiler is looked for first, so that a machine without one is left as it was.
 */
async function installWindowsService(options: InstallOptions): Promise<void> {
  const csc = findCsc({
    windir: options.windir ?? process.env.WINDIR,
    exists: options.exists ?? existsSync,
  });
  const files = windowsServiceFiles({ executable: options.executable });
  const commands = windowsServiceInstallCommands({
    host: files.host,
    executable: options.executable,
  });

  // An earlier install's service holds the host open, so it goes first.
  await removeWindowsService(options, { mustExist: false });

  await write(options, files.source, windowsServiceHostSource);
  try {
    await run(options, cscArgv({ csc, source: files.source, output: files.host }));
  } catch (error) {
    if (!(error instanceof AgentError)) throw error;
    // csc.exe prints its errors on stdout, which the failure does not carry; the source is
    // left in place so that the command above, run by hand, shows them.
    throw new AgentError(
      error.message,
      error.exitCode,
      `Run the command above by hand to see why, then delete ${files.source}.`,
    );
  }
  await remove(options, files.source);

  for (const argv of commands) await run(options, argv);

  options.log(`Installed the Windows service ${windowsServiceName}; it logs to ${windowsLogPath}`);
}

async function uninstallWindowsService(options: UninstallOptions): Promise<void> {
  const files = windowsServiceFiles({ executable: options.executable ?? process.execPath });

  await removeWindowsService(options, { mustExist: true });
  try {
    await remove(options, files.host);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AgentError(
      `The service is removed, but its host ${files.host} is not: ${reason}`,
      exitCodes.failed,
      'Delete that file by hand.',
    );
  }

  options.log(`Removed the Windows service ${windowsServiceName}.`);
}

/**
 * How often, and how many times, the installer looks whether a deleted service is gone: well
 * past the 20 s the host takes at most to stop the agent.
 */
const serviceGonePollMs = 1_000;
const serviceGonePolls = 30;

/**
 * Stops and deletes the service, and waits until it is gone: `sc.exe` returns while the host
 * is still stopping the agent (up to 20 s), and until then the host's file cannot be replaced
 * or removed and the service name cannot be registered again. Installing does not need a
 * service to exist; uninstalling does, and fails when there is none.
 */
async function removeWindowsService(
  options: UninstallOptions,
  { mustExist }: { mustExist: boolean },
): Promise<void> {
  const wait = options.sleep ?? sleep;
  await runIfPossible(options, windowsServiceControl.stop);
  await (mustExist ? run : runIfPossible)(options, windowsServiceControl.delete);

  for (let poll = 0; poll < serviceGonePolls; poll += 1) {
    if (!(await succeeds(options, windowsServiceControl.query))) return;
    if (poll === 0) options.log(`Waiting for the service ${windowsServiceName} to go away`);
    await wait(serviceGonePollMs);
  }
  const waited = (serviceGonePolls * serviceGonePollMs) / 1000;
  // Also where a user who is not an administrator ends up: `sc.exe delete` was refused, and
  // on installing, that was not fatal.
  throw new AgentError(
    `The service ${windowsServiceName} was still there ${waited} s after it was deleted.`,
    exitCodes.failed,
    'If access was denied above, run it again from a Command Prompt opened as administrator. ' +
      'Otherwise close the Services and Event Viewer windows, which keep a service from being ' +
      'deleted, and run it again.',
  );
}

/**
 * Linux and macOS are checked up front, before anything is written. Windows has no cheap
 * equivalent of `getuid`; there `sc.exe` itself refuses, and `withAdministratorHint` says
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

const administratorHint =
  'If access was denied, run it again from a Command Prompt opened as administrator.';

/**
 * Adds the hint to a command's failure, and turns a file the installer may not write or remove
 * (the service host lives next to the agent, usually under Program Files) into a refusal too.
 */
async function withAdministratorHint(work: Promise<void>): Promise<void> {
  try {
    await work;
  } catch (error) {
    if (error instanceof Error && isAccessDenied(error)) {
      throw new AgentError(error.message, exitCodes.permission, administratorHint);
    }
    if (!(error instanceof AgentError) || error.hint !== undefined) throw error;
    throw new AgentError(error.message, error.exitCode, administratorHint);
  }
}

function isAccessDenied(error: NodeJS.ErrnoException): boolean {
  return error.code === 'EPERM' || error.code === 'EACCES';
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
 * For stopping or removing a previous instance, which may not exist: a fresh install has
 * nothing to stop, and an uninstall may follow a half-finished one. The failure is shown, not
 * fatal.
 */
async function runIfPossible(options: UninstallOptions, argv: Argv): Promise<void> {
  try {
    await run(options, argv);
  } catch (error) {
    if (!(error instanceof AgentError)) throw error;
    options.log(`Continuing, as there may have been nothing to stop: ${error.message}`);
  }
}

/** For questions asked of the system, such as whether a service exists; not logged. */
async function succeeds(options: UninstallOptions, [command, ...args]: Argv): Promise<boolean> {
  try {
    await options.run(command, args);
    return true;
  } catch (error) {
    if (!(error instanceof AgentError)) throw error;
    return false;
  }
}

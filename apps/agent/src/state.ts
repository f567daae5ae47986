import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AgentError, exitCodes } from './errors.ts';

/**
 * What an enrolled agent keeps between runs. The token and the enrolment secret are the
 * machine's credentials: they live only in this file, readable by its owner alone, and are
 * never printed or logged.
 */
export interface AgentState {
  serverUrl: string;
  machineId: string;
  machineToken: string;
  tokenExpiresAt: string;
  heartbeatIntervalSeconds: number;
  /** Kept so the agent can enrol again by itself when its token is revoked or expires. */
  enrollmentSecret: string;
  companySlug: string | null;
  enrolledAt: string;
  /** The last heartbeat the server accepted, for `status`. */
  lastHeartbeatAt: string | null;
  /** The hash of the last inventory the server stored. */
  inventoryHash: string | null;
}

const fileName = 'agent.json';

/**
 * The state file: `CHAMADOS_AGENT_STATE` when set, else the OS's place for a service's
 * configuration (system-wide when running as root / the service account, per user otherwise).
 */
export function statePath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  isRoot: boolean = process.getuid?.() === 0,
): string {
  if (env.CHAMADOS_AGENT_STATE) return path.resolve(env.CHAMADOS_AGENT_STATE);
  const home = env.HOME ?? os.homedir();
  if (platform === 'win32') {
    return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Chamados', fileName);
  }
  if (platform === 'darwin') {
    return isRoot
      ? path.posix.join('/Library/Application Support/Chamados', fileName)
      : path.posix.join(home, 'Library/Application Support/Chamados', fileName);
  }
  if (isRoot) return path.posix.join('/var/lib/chamados-agent', fileName);
  const configHome = env.XDG_CONFIG_HOME || path.posix.join(home, '.config');
  return path.posix.join(configHome, 'chamados-agent', fileName);
}

/**
 * The saved state, or null when this machine has not been enrolled (or, with
 * `corrupt: 'ignore'`, when the file is unreadable JSON).
 */
export function readState(
  file: string,
  options: { corrupt?: 'throw' | 'ignore' } = {},
): AgentState | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'EACCES' || code === 'EPERM') {
      throw new AgentError(
        `Cannot read the agent's state at ${file}: permission denied`,
        exitCodes.permission,
        'Run the command as the user the agent service runs as (root / Administrator).',
      );
    }
    throw error;
  }
  try {
    return JSON.parse(text) as AgentState;
  } catch {
    if (options.corrupt === 'ignore') return null;
    throw new CorruptStateError(file);
  }
}

/** The state file exists but is not JSON (a disk filled up mid-write by something else). */
export class CorruptStateError extends AgentError {
  constructor(file: string) {
    super(
      `The agent's state at ${file} is not valid JSON`,
      exitCodes.failed,
      'Enrol again with `chamados-agent enroll`; it replaces the file.',
    );
    this.name = 'CorruptStateError';
  }
}

export function requireState(file: string): AgentState {
  const state = readState(file);
  if (!state) {
    throw new AgentError(
      'This machine is not enrolled',
      exitCodes.notEnrolled,
      'Enrol it first: chamados-agent enroll --server URL --secret SECRET',
    );
  }
  return state;
}

/**
 * Writes the state atomically (a crash leaves the old file or the new one, never half of
 * either), in a directory only the owner may enter and a file only the owner may read.
 */
export function writeState(file: string, state: AgentState): void {
  const directory = path.dirname(file);
  const created = mkdirSync(directory, { recursive: true, mode: 0o700 }) !== undefined;
  restrictToOwner(directory, created);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

/** Deletes the state file, readable or not; false when there was none. */
export function removeState(file: string): boolean {
  const existed = existsSync(file);
  try {
    rmSync(file, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM') throw error;
    throw new AgentError(
      `Cannot remove the agent's state at ${file}: permission denied`,
      exitCodes.permission,
      'Run the command as the user the agent service runs as (root / Administrator).',
    );
  }
  return existed;
}

/**
 * POSIX modes already keep others out. On Windows a folder under ProgramData inherits an ACL
 * that lets every local user read it, so inheritance is cut and only SYSTEM and the
 * Administrators keep access.
 */
function restrictToOwner(directory: string, created: boolean): void {
  if (process.platform !== 'win32') {
    chmodSync(directory, 0o700);
    return;
  }
  // icacls is a process to start: once, when the folder is made, not on every heartbeat.
  if (!created) return;
  execFileSync(
    'icacls',
    [
      directory,
      '/inheritance:r',
      '/grant:r',
      '*S-1-5-18:(OI)(CI)F',
      '/grant:r',
      '*S-1-5-32-544:(OI)(CI)F',
    ],
    { stdio: 'ignore', windowsHide: true },
  );
}

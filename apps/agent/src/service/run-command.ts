import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { AgentError, exitCodes } from '../errors.ts';

export interface CommandResult {
  stdout: string;
  stderr: string;
}

/**
 * Runs one program with its arguments, without a shell, and resolves with its output once it
 * exits with status 0. The service installer takes one as a parameter so its tests can record
 * the exact commands instead of changing the machine they run on.
 */
export type CommandRunner = (command: string, args: readonly string[]) => Promise<CommandResult>;

const execFileAsync = promisify(execFile);

/**
 * Long enough for `systemctl restart` to wait out a slow stop; short enough that an installer
 * stuck on a prompt that nobody will answer ends with an error instead of hanging.
 */
const commandTimeoutMs = 120_000;

/** The runner used for real: `execFile`, so no argument is ever interpreted by a shell. */
export const defaultCommandRunner: CommandRunner = async (command, args) => {
  try {
    const { stdout, stderr } = await execFileAsync(command, [...args], {
      encoding: 'utf8',
      timeout: commandTimeoutMs,
      windowsHide: true,
    });
    return { stdout, stderr };
  } catch (error) {
    throw commandFailure(command, args, error);
  }
};

/** What `execFile` attaches to the error it rejects with; every field may be missing. */
interface ExecFailure {
  code?: unknown;
  killed?: unknown;
  signal?: unknown;
  stdout?: unknown;
  stderr?: unknown;
}

function commandFailure(command: string, args: readonly string[], error: unknown): AgentError {
  const failure: ExecFailure = typeof error === 'object' && error !== null ? error : {};

  if (failure.code === 'ENOENT') {
    return new AgentError(
      `${command} was not found`,
      exitCodes.failed,
      `Check that ${command} is installed and on the PATH of the user running the agent.`,
    );
  }

  // The command's own words say what went wrong far better than our summary of its exit: its
  // stderr, or its stdout for the tools that report errors there (csc.exe, sc.exe).
  const stderr = typeof failure.stderr === 'string' ? failure.stderr.trim() : '';
  const stdout = typeof failure.stdout === 'string' ? failure.stdout.trim() : '';
  const said = stderr || stdout;
  const commandLine = [command, ...args].join(' ');
  const detail = said === '' ? '' : `: ${said}`;
  return new AgentError(
    `${commandLine} ${describeExit(failure, error)}${detail}`,
    exitCodes.failed,
  );
}

function describeExit(failure: ExecFailure, error: unknown): string {
  if (typeof failure.code === 'number') return `exited with status ${failure.code}`;
  if (failure.killed === true) return `did not finish within ${commandTimeoutMs / 1000} s`;
  if (typeof failure.signal === 'string') return `was stopped by ${failure.signal}`;
  return error instanceof Error ? error.message : String(error);
}

/** A failure the user can act on: printed without a stack, with a hint, and a fixed exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Exit codes shared by the seed and benchmark commands. */
export const exitCodes = { failed: 1, usage: 2, notEmpty: 3, interrupted: 130 } as const;

/** A progress line on stderr, so stdout stays for data. */
export function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Reads a whole-number option, within bounds, or fails with a usage error naming it. */
export function intOption(
  name: string,
  value: string | undefined,
  fallback: number,
  [min, max]: [number, number],
): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new CliError(`--${name} must be a whole number from ${min} to ${max}`, exitCodes.usage);
  }
  return number;
}

/** `parseArgs` throws on an unknown or malformed option: that is a usage error, not a failure. */
export function rethrowAsUsage(error: unknown): never {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    throw new CliError((error as Error).message, exitCodes.usage, 'see --help');
  }
  throw error;
}

/**
 * Things to undo when the command ends, newest first: servers, pools, databases, clusters.
 * Runs once, whether the command finished, failed or was interrupted.
 */
export class Cleanup {
  private readonly steps: { name: string; run: () => unknown }[] = [];
  private done?: Promise<void>;

  add(name: string, run: () => unknown): void {
    this.steps.push({ name, run });
  }

  run(): Promise<void> {
    this.done ??= (async () => {
      for (const step of this.steps.reverse()) {
        try {
          await step.run();
        } catch (error) {
          progress(`cleanup: ${step.name} failed: ${String(error)}`);
        }
      }
    })();
    return this.done;
  }
}

/**
 * Runs a command's `main` and exits with its code. A `CliError` prints its message and hint;
 * anything else prints the error (it is a bug or an unreachable database) and exits 1.
 * SIGINT and SIGTERM run the cleanup before exiting, so no cluster or database is left behind;
 * whatever `main` was doing then fails as its connections close, and that is not reported.
 */
export function runCli(main: (cleanup: Cleanup) => Promise<number>): void {
  const cleanup = new Cleanup();
  let interrupted = false;
  const interrupt = () => {
    interrupted = true;
    progress('interrupted: cleaning up');
    void cleanup.run().finally(() => process.exit(exitCodes.interrupted));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);

  const finish = async (code: number, message?: string) => {
    await cleanup.run();
    if (interrupted) return;
    if (message) process.stderr.write(message);
    process.exit(code);
  };
  main(cleanup).then(
    (code) => finish(code),
    (error: unknown) => {
      if (error instanceof CliError) {
        const hint = error.hint ? `hint: ${error.hint}\n` : '';
        return finish(error.exitCode, `error: ${error.message}\n${hint}`);
      }
      const text = error instanceof Error ? error.stack : String(error);
      return finish(exitCodes.failed, `error: ${text}\n`);
    },
  );
}

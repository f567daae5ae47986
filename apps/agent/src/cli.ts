import { type ParseArgsConfig, parseArgs } from 'node:util';
import { AgentError, exitCodes } from './errors.ts';

/** One `chamados-agent` command: its help text and what it does. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[]): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a command's arguments; anything unknown or malformed is a usage error (exit 2) that
 * points at the command's `--help`.
 */
export function parseCommandArgs<T extends Options>(command: string, argv: string[], options: T) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new AgentError(
      error instanceof Error ? error.message : String(error),
      exitCodes.usage,
      `See: chamados-agent ${command} --help`,
    );
  }
}

/** Data for scripts goes to stdout: JSON when asked for or when stdout is not a terminal. */
export function wantsJson(flag: boolean | undefined): boolean {
  return flag === true || !process.stdout.isTTY;
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLines(lines: string[]): void {
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** `--server` must be an http(s) URL; a trailing slash is dropped. */
export function serverUrlOption(value: string | undefined, command: string): string {
  if (!value) {
    throw new AgentError(
      '--server is required',
      exitCodes.usage,
      `See: chamados-agent ${command} --help`,
    );
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AgentError(`--server is not a URL: ${value}`, exitCodes.usage);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AgentError('--server must start with http:// or https://', exitCodes.usage);
  }
  return url.toString().replace(/\/+$/, '');
}

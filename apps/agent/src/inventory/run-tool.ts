import { execFile } from 'node:child_process';

/** No inventory source may hold the whole collection up for longer than this. */
const toolTimeoutMs = 20_000;

/**
 * Runs one of the OS's own inventory tools and returns its raw output, or null when the tool
 * is missing or fails: inventory is best effort, and the caller records which source it used.
 * Raw bytes, because some Windows tools answer in UTF-16.
 */
export function runTool(command: string, args: readonly string[]): Promise<Buffer | null> {
  return new Promise((resolve) => {
    execFile(
      command,
      [...args],
      {
        encoding: 'buffer',
        timeout: toolTimeoutMs,
        maxBuffer: 64 * 1024 * 1024,
        windowsHide: true,
        env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
      },
      (error, stdout) => resolve(error ? null : stdout),
    );
  });
}

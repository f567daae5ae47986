import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, lockFileName } from '../../src/db/lock.ts';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chamados-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A process id that is certainly not running: one that just exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid ?? 999_999;
}

describe('the data directory lock', () => {
  it('is exclusive, names its holder, and can be taken again once released', () => {
    const lock = acquireDataDirLock(dir);
    let refused: unknown;
    try {
      acquireDataDirLock(dir);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as Error).message).toContain(`The data directory ${dir} is in use by process`);
    expect((refused as Error).message).toContain(String(process.pid));

    lock.release();
    expect(existsSync(path.join(dir, lockFileName))).toBe(false);
    acquireDataDirLock(dir).release();
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const file = path.join(dir, lockFileName);
    const stale = { pid: await deadPid(), hostname: os.hostname(), startedAt: 'x', command: 'x' };
    writeFileSync(file, JSON.stringify(stale));

    const lock = acquireDataDirLock(dir);
    expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('does not take over a lock file it cannot read', () => {
    writeFileSync(path.join(dir, lockFileName), 'garbage');
    expect(() => acquireDataDirLock(dir)).toThrow(/its lock file is unreadable/);
  });
});

import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const lockFileName = 'chamados.lock';

interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
  command: string;
}

export class DataDirLockedError extends Error {
  readonly dataDir: string;
  readonly owner: LockOwner | null;

  constructor(dataDir: string, owner: LockOwner | null) {
    const who = owner
      ? `process ${owner.pid} on ${owner.hostname} (started ${owner.startedAt}: ${owner.command})`
      : 'another process (its lock file is unreadable)';
    super(
      `The data directory ${dataDir} is in use by ${who}. ` +
        'Only one Chamados process may open an embedded database: stop that process, ' +
        'or set DATA_DIR to another directory, or use DATABASE_URL for several processes.',
    );
    this.name = 'DataDirLockedError';
    this.dataDir = dataDir;
    this.owner = owner;
  }
}

export interface DataDirLock {
  readonly file: string;
  release(): void;
}

function readOwner(file: string): LockOwner | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number' || typeof parsed.hostname !== 'string') return null;
    return {
      pid: parsed.pid,
      hostname: parsed.hostname,
      startedAt: String(parsed.startedAt ?? 'unknown'),
      command: String(parsed.command ?? 'unknown'),
    };
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock left by a process on this host that no longer runs can be taken over. */
function isStale(owner: LockOwner | null): boolean {
  if (!owner) return false;
  return owner.hostname === os.hostname() && !isAlive(owner.pid);
}

/**
 * Takes the exclusive lock on an embedded database directory. PGlite has no lock of its own
 * and two processes writing one directory corrupt it, so every opener of `dataDir` must hold
 * this lock first. Throws `DataDirLockedError` naming the holder when it is taken.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, lockFileName);
  const owner: LockOwner = {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1).join(' ').slice(0, 300),
  };

  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // 'wx' fails when the file exists: creating it is the atomic test-and-set.
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify(owner));
      closeSync(fd);
      return createHandle(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readOwner(file);
      if (!isStale(holder)) throw new DataDirLockedError(dataDir, holder);
      unlinkSync(file);
    }
  }
  throw new DataDirLockedError(dataDir, readOwner(file));
}

function createHandle(file: string): DataDirLock {
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    if (readOwner(file)?.pid === process.pid) unlinkSync(file);
  };
  process.on('exit', release);
  return { file, release };
}

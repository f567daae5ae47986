import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  localSocketCandidates,
  localSocketPath,
  loginUrlFromService,
  startLocalService,
} from '../../src/local-service.ts';
import { createLogger } from '../../src/log.ts';

const quiet = createLogger({ write: () => {} });
let directory = '';
let socketPath = '';

beforeEach(() => {
  directory = mkdtempSync(path.join(os.tmpdir(), 'chamados-local-'));
  socketPath = path.join(directory, 'agent.sock');
});

afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

describe('the local login service', () => {
  it('hands any local user a login URL, one request at a time', async () => {
    let asked = 0;
    const service = await startLocalService(
      socketPath,
      async () => {
        asked += 1;
        return `http://chamados.test/machine-login?code=code-${asked}`;
      },
      quiet,
    );
    try {
      expect(statSync(socketPath).mode & 0o777).toBe(0o666);
      expect(await loginUrlFromService(socketPath)).toBe(
        'http://chamados.test/machine-login?code=code-1',
      );
      // A second request right away is refused rather than passed to the server.
      await expect(loginUrlFromService(socketPath)).rejects.toThrow(
        'The agent service says: Asked too often; try again in a moment',
      );
      expect(asked).toBe(1);
    } finally {
      await service.close();
    }
  });

  it('passes on why the server refused', async () => {
    const service = await startLocalService(
      socketPath,
      () => Promise.reject(new Error('The server refused: token revoked')),
      quiet,
    );
    try {
      await expect(loginUrlFromService(socketPath)).rejects.toThrow(
        'The agent service says: The server refused: token revoked',
      );
    } finally {
      await service.close();
    }
  });

  it('takes over a socket file left by a service that died, but not a live one', async () => {
    writeFileSync(socketPath, '');
    const service = await startLocalService(socketPath, async () => 'http://x', quiet);
    try {
      await expect(startLocalService(socketPath, async () => 'http://y', quiet)).rejects.toThrow(
        `Another agent already serves ${socketPath}`,
      );
    } finally {
      await service.close();
    }
  });

  it('is absent when nothing listens', async () => {
    expect(await loginUrlFromService(socketPath)).toBeNull();
  });
});

describe('where the service listens', () => {
  it.each([
    ['linux', true, {}, '/run/chamados-agent.sock'],
    ['darwin', true, {}, '/var/run/chamados-agent.sock'],
    ['win32', false, {}, '\\\\.\\pipe\\chamados-agent'],
    ['linux', true, { CHAMADOS_AGENT_SOCKET: '/tmp/x.sock' }, '/tmp/x.sock'],
  ] as const)('on %s (root: %s, env %o): %s', (platform, root, env, expected) => {
    expect(localSocketPath(env, platform, root)).toBe(expected);
  });

  it("puts a user's own service in their runtime directory", () => {
    const env = { XDG_RUNTIME_DIR: '/run/user/1000' };
    expect(localSocketPath(env, 'linux', false)).toMatch(/^\/run\/user\/1000\/chamados-agent-/);
  });

  it('is looked for system-wide first, then for the current user', () => {
    const [first] = localSocketCandidates({ XDG_RUNTIME_DIR: '/run/user/1000' });
    expect(first).toBe(
      process.platform === 'darwin' ? '/var/run/chamados-agent.sock' : '/run/chamados-agent.sock',
    );
    expect(localSocketCandidates({ CHAMADOS_AGENT_SOCKET: '/tmp/x.sock' })).toEqual([
      '/tmp/x.sock',
    ]);
  });
});

import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentError, exitCodes } from '../../src/errors.ts';
import {
  type AgentState,
  readState,
  removeState,
  requireState,
  statePath,
  writeState,
} from '../../src/state.ts';

describe('statePath', () => {
  const cases: {
    where: string;
    platform: NodeJS.Platform;
    isRoot: boolean;
    env: NodeJS.ProcessEnv;
    expected: string;
  }[] = [
    {
      where: 'Linux as root, in /var/lib whatever XDG_CONFIG_HOME says',
      platform: 'linux',
      isRoot: true,
      env: { HOME: '/root', XDG_CONFIG_HOME: '/root/.xdg' },
      expected: '/var/lib/chamados-agent/agent.json',
    },
    {
      where: 'Linux as a user, under XDG_CONFIG_HOME',
      platform: 'linux',
      isRoot: false,
      env: { HOME: '/home/ana', XDG_CONFIG_HOME: '/home/ana/.xdg' },
      expected: '/home/ana/.xdg/chamados-agent/agent.json',
    },
    {
      where: 'Linux as a user without XDG_CONFIG_HOME, under ~/.config',
      platform: 'linux',
      isRoot: false,
      env: { HOME: '/home/ana' },
      expected: '/home/ana/.config/chamados-agent/agent.json',
    },
    {
      where: 'Linux as a user with an empty XDG_CONFIG_HOME, under ~/.config',
      platform: 'linux',
      isRoot: false,
      env: { HOME: '/home/ana', XDG_CONFIG_HOME: '' },
      expected: '/home/ana/.config/chamados-agent/agent.json',
    },
    {
      where: 'macOS as root, in /Library',
      platform: 'darwin',
      isRoot: true,
      env: { HOME: '/var/root' },
      expected: '/Library/Application Support/Chamados/agent.json',
    },
    {
      where: 'macOS as a user, in ~/Library',
      platform: 'darwin',
      isRoot: false,
      env: { HOME: '/Users/ana' },
      expected: '/Users/ana/Library/Application Support/Chamados/agent.json',
    },
    {
      where: 'Windows as an administrator, under ProgramData',
      platform: 'win32',
      isRoot: true,
      env: { ProgramData: 'D:\\ProgramData' },
      expected: 'D:\\ProgramData\\Chamados\\agent.json',
    },
    {
      // The service runs as SYSTEM and `process.getuid` does not exist on Windows, so there is
      // no per-user place: every run shares the machine-wide file.
      where: 'Windows as a user, under ProgramData too',
      platform: 'win32',
      isRoot: false,
      env: { ProgramData: 'D:\\ProgramData' },
      expected: 'D:\\ProgramData\\Chamados\\agent.json',
    },
    {
      where: 'Windows without ProgramData, in C:\\ProgramData',
      platform: 'win32',
      isRoot: false,
      env: {},
      expected: 'C:\\ProgramData\\Chamados\\agent.json',
    },
  ];

  it.each(cases)('is $expected on $where', ({ env, platform, isRoot, expected }) => {
    expect(statePath(env, platform, isRoot)).toBe(expected);
  });

  it("falls back to the user's home directory when HOME is unset", () => {
    expect(statePath({}, 'linux', false)).toBe(
      path.posix.join(os.homedir(), '.config', 'chamados-agent', 'agent.json'),
    );
  });

  const platforms: { platform: NodeJS.Platform; isRoot: boolean }[] = [
    { platform: 'linux', isRoot: true },
    { platform: 'linux', isRoot: false },
    { platform: 'darwin', isRoot: true },
    { platform: 'darwin', isRoot: false },
    { platform: 'win32', isRoot: true },
    { platform: 'win32', isRoot: false },
  ];

  it.each(platforms)(
    'is CHAMADOS_AGENT_STATE when set ($platform, root: $isRoot)',
    ({ platform, isRoot }) => {
      const env = {
        CHAMADOS_AGENT_STATE: '/srv/chamados/state.json',
        HOME: '/home/ana',
        XDG_CONFIG_HOME: '/home/ana/.xdg',
        ProgramData: 'D:\\ProgramData',
      };

      expect(statePath(env, platform, isRoot)).toBe('/srv/chamados/state.json');
    },
  );

  it('resolves a relative CHAMADOS_AGENT_STATE against the working directory', () => {
    expect(statePath({ CHAMADOS_AGENT_STATE: 'agent/state.json' }, 'linux', false)).toBe(
      path.join(process.cwd(), 'agent', 'state.json'),
    );
  });
});

const state: AgentState = {
  serverUrl: 'https://chamados.example.org',
  machineId: '0b6f6c1e-8f55-4d3a-9a43-6a1f3c2d9e10',
  machineToken: 'mt_secret-token',
  tokenExpiresAt: '2027-06-01T00:00:00.000Z',
  heartbeatIntervalSeconds: 60,
  enrollmentSecret: 'es_secret',
  companySlug: 'acme',
  enrolledAt: '2026-12-03T18:00:00.000Z',
  lastHeartbeatAt: null,
  inventoryHash: null,
};

const modeOf = (file: string) => statSync(file).mode & 0o777;

describe('the state file', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'chamados-state-'));
    file = path.join(dir, 'chamados-agent', 'agent.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back what was written', () => {
    writeState(file, state);

    expect(readState(file)).toEqual(state);
    expect(requireState(file)).toEqual(state);
  });

  it('replaces the previous state', () => {
    writeState(file, state);
    const later = { ...state, lastHeartbeatAt: '2026-12-03T18:01:00.000Z', inventoryHash: 'ab' };
    writeState(file, later);

    expect(readState(file)).toEqual(later);
  });

  it('is readable by its owner alone, in a directory only the owner may enter', () => {
    writeState(file, state);

    expect(modeOf(file)).toBe(0o600);
    expect(modeOf(path.dirname(file))).toBe(0o700);
  });

  it('closes a directory that already existed open to others', () => {
    mkdirSync(path.dirname(file), { mode: 0o755 });
    chmodSync(path.dirname(file), 0o755);

    writeState(file, state);

    expect(modeOf(path.dirname(file))).toBe(0o700);
  });

  it('leaves no temporary file behind', () => {
    writeState(file, state);
    writeState(file, { ...state, companySlug: null });

    expect(readdirSync(path.dirname(file))).toEqual(['agent.json']);
  });

  it('is pretty-printed JSON ending with a newline', () => {
    writeState(file, state);

    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(state, null, 2)}\n`);
  });

  it('is null when the machine was never enrolled', () => {
    expect(readState(file)).toBeNull();
  });

  function failure(read: () => unknown): AgentError {
    let caught: unknown;
    try {
      read();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AgentError);
    return caught as AgentError;
  }

  it('is required to exist by requireState', () => {
    const error = failure(() => requireState(file));

    expect(error.message).toBe('This machine is not enrolled');
    expect(error.exitCode).toBe(exitCodes.notEnrolled);
    expect(error.hint).toBe('Enrol it first: chamados-agent enroll --server URL --secret SECRET');
  });

  it.each([
    { what: 'prose', content: 'not json at all' },
    { what: 'JSON cut short', content: '{"serverUrl": "https://chamados.example.org",' },
    { what: 'nothing', content: '' },
  ])('fails with exit code 1 when it holds $what', ({ content }) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);

    for (const read of [() => readState(file), () => requireState(file)]) {
      const error = failure(read);
      expect(error.message).toBe(`The agent's state at ${file} is not valid JSON`);
      expect(error.exitCode).toBe(exitCodes.failed);
    }
  });

  it.skipIf(process.getuid?.() === 0)(
    // root reads any file whatever its mode, so chmod cannot make one unreadable for it.
    'fails with the permission exit code when the file cannot be read (not as root)',
    () => {
      writeState(file, state);
      chmodSync(file, 0o000);

      const error = failure(() => readState(file));

      expect(error.message).toBe(`Cannot read the agent's state at ${file}: permission denied`);
      expect(error.exitCode).toBe(exitCodes.permission);
      expect(error.hint).toContain('root / Administrator');
    },
  );

  it('is removed by removeState, which says it was there', () => {
    writeState(file, state);

    expect(removeState(file)).toBe(true);
    expect(existsSync(file)).toBe(false);
    expect(readState(file)).toBeNull();
  });

  it('is replaced by enrolling again, or removed, when it is not valid JSON', () => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '{"serverUrl": "https://chamados.example.org",');

    expect(readState(file, { corrupt: 'ignore' })).toBeNull();
    expect(removeState(file)).toBe(true);
    expect(existsSync(file)).toBe(false);
  });

  it('was not there for removeState when never written', () => {
    expect(removeState(file)).toBe(false);
  });
});

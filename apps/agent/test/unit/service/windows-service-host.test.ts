import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentError, exitCodes } from '../../../src/errors.ts';
import {
  restartDelaySeconds,
  windowsLogPath,
  windowsServiceName,
} from '../../../src/service/service-definitions.ts';
import {
  cscArgv,
  findCsc,
  windowsServiceHostSource,
} from '../../../src/service/windows-service-host.ts';

const csc64 = 'C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\csc.exe';
const csc32 = 'C:\\Windows\\Microsoft.NET\\Framework\\v4.0.30319\\csc.exe';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chamados-service-host-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function thrown(work: () => unknown): AgentError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(AgentError);
    return error as AgentError;
  }
  throw new Error('expected it to throw');
}

describe('finding csc.exe', () => {
  it.each([
    ['both exist', [csc64, csc32], csc64],
    ['only the 64-bit one exists', [csc64], csc64],
    ['only the 32-bit one exists, as on 32-bit Windows', [csc32], csc32],
  ])('when %s, takes the first that exists', (_, existing, expected) => {
    const looked: string[] = [];
    const found = findCsc({
      windir: 'C:\\Windows',
      exists: (file) => {
        looked.push(file);
        return existing.includes(file);
      },
    });

    expect(found).toBe(expected);
    expect(looked).toEqual(expected === csc64 ? [csc64] : [csc64, csc32]);
  });

  it('names both places it looked when neither exists', () => {
    const error = thrown(() => findCsc({ windir: 'D:\\WINNT', exists: () => false }));

    expect(error.message).toBe(
      'The .NET Framework C# compiler is not installed: neither ' +
        'D:\\WINNT\\Microsoft.NET\\Framework64\\v4.0.30319\\csc.exe nor ' +
        'D:\\WINNT\\Microsoft.NET\\Framework\\v4.0.30319\\csc.exe exists.',
    );
    expect(error.exitCode).toBe(exitCodes.failed);
    expect(error.hint).toBe(
      'Turn on the .NET Framework 4.8 in "Turn Windows features on or off", then install again.',
    );
  });

  it.each([undefined, ''])('refuses to guess when WINDIR is %j', (windir) => {
    const error = thrown(() => findCsc({ windir, exists: () => true }));
    expect(error.message).toBe('WINDIR is not set, so csc.exe cannot be found.');
  });
});

describe('compiling the host', () => {
  it('builds a console executable that references System.ServiceProcess', () => {
    expect(
      cscArgv({
        csc: csc64,
        source: 'C:\\Program Files\\Chamados\\chamados-agent-service.cs',
        output: 'C:\\Program Files\\Chamados\\chamados-agent-service.exe',
      }),
    ).toEqual([
      csc64,
      '/nologo',
      '/target:exe',
      '/out:C:\\Program Files\\Chamados\\chamados-agent-service.exe',
      '/reference:System.ServiceProcess.dll',
      'C:\\Program Files\\Chamados\\chamados-agent-service.cs',
    ]);
  });

  /**
   * csc.exe exists only on Windows; Mono's mcs compiles the same language against the same
   * library API. `-langversion:5` holds the source to what the .NET Framework 4.x csc.exe knows,
   * and `-warnaserror+` keeps it free of the warnings a compiler would point out.
   */
  it('is C# 5 that Mono compiles without a warning', ({ skip }) => {
    const probe = spawnSync('mcs', ['--version'], { encoding: 'utf8' });
    skip(
      probe.error !== undefined,
      'mcs is not installed here ' +
        '(Debian: apt-get install mono-mcs libmono-system-serviceprocess4.0-cil)',
    );

    const source = path.join(dir, 'chamados-agent-service.cs');
    const output = path.join(dir, 'host.exe');
    writeFileSync(source, windowsServiceHostSource);
    const result = spawnSync(
      'mcs',
      ['-langversion:5', '-warnaserror+', '-r:System.ServiceProcess.dll', `-out:${output}`, source],
      { encoding: 'utf8' },
    );
    skip(
      /CS0006.*System\.ServiceProcess\.dll/.test(result.stdout + result.stderr),
      "Mono's System.ServiceProcess is not installed here " +
        '(Debian: apt-get install libmono-system-serviceprocess4.0-cil)',
    );

    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(statSync(output).size).toBeGreaterThan(0);
  }, 30_000);
});

describe('the host source', () => {
  /** What the installer and `windowsServiceLimitation` say of the host, held to its source. */
  it.each([
    ['the service name', `ServiceName = "${windowsServiceName}";`],
    ['the agent command', 'new ProcessStartInfo(agentPath, "run")'],
    ['the restart delay', `const int RestartDelayMs = ${restartDelaySeconds * 1000};`],
    ['the grace period', 'const int StopGraceMs = 5000;'],
    ['the rotation threshold', 'const long RotateAboveBytes = 10L * 1024 * 1024;'],
    ['the rotated file', 'File.Move(logPath, logPath + ".1");'],
    ['the tree kill', 'new ProcessStartInfo(taskkill, "/F /T /PID " + processId)'],
  ])('states %s', (_, line) => {
    expect(windowsServiceHostSource).toContain(line);
  });

  it('logs where the installer says it does', () => {
    expect(windowsLogPath).toBe('%ProgramData%\\Chamados\\agent.log');
    expect(windowsServiceHostSource).toContain('Environment.SpecialFolder.CommonApplicationData');
    expect(windowsServiceHostSource).toContain(
      'Path.Combine(programData, "Chamados", "agent.log")',
    );
  });
});

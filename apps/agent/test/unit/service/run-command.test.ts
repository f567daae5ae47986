import { describe, expect, it } from 'vitest';
import { AgentError, exitCodes } from '../../../src/errors.ts';
import { defaultCommandRunner } from '../../../src/service/run-command.ts';

/** Real child processes: Node itself stands in for systemctl, launchctl and schtasks. */
const node = process.execPath;

async function rejection(work: Promise<unknown>): Promise<AgentError> {
  const error = await work.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AgentError);
  return error as AgentError;
}

describe('the default command runner', () => {
  it("returns a successful command's stdout and stderr", async () => {
    const script = 'process.stdout.write("out"); process.stderr.write("err")';
    expect(await defaultCommandRunner(node, ['-e', script])).toEqual({
      stdout: 'out',
      stderr: 'err',
    });
  });

  it('hands arguments over as they are, with no shell to expand them', async () => {
    const argument = '$HOME; echo "injected" `id` *';
    const { stdout } = await defaultCommandRunner(node, [
      '-e',
      'process.stdout.write(process.argv[1])',
      argument,
    ]);
    expect(stdout).toBe(argument);
  });

  it("fails with the command's exit status and its own explanation", async () => {
    const script = 'process.stderr.write("Access is denied.\\n"); process.exit(5)';
    const error = await rejection(defaultCommandRunner(node, ['-e', script]));

    expect(error.message).toBe(`${node} -e ${script} exited with status 5: Access is denied.`);
    expect(error.exitCode).toBe(exitCodes.failed);
  });

  it('says so when the command does not exist', async () => {
    const error = await rejection(defaultCommandRunner('chamados-no-such-command', []));

    expect(error.message).toBe('chamados-no-such-command was not found');
    expect(error.exitCode).toBe(exitCodes.failed);
    expect(error.hint).toContain('PATH');
  });
});

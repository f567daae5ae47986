import { runAgentLoop } from '../agent-loop.ts';
import { type Command, parseCommandArgs, printLines } from '../cli.ts';
import { AgentError, exitCodes } from '../errors.ts';
import { createLogger, logLevelFromEnv } from '../log.ts';
import { requireState, statePath } from '../state.ts';

const usage = `Usage: chamados-agent run [--interval SECONDS]

Runs the agent in the foreground: heartbeats at the interval the server asks for (about
60 s), the inventory whenever the server wants it, backing off up to 5 minutes while the
server is unreachable. Logs one line per event on stderr (CHAMADOS_AGENT_LOG_LEVEL=debug
for every heartbeat). Stops on SIGINT or SIGTERM. This is what the installed service runs.

Options:
  --interval SECONDS   heartbeat this often instead of what the server asks (troubleshooting)
  -h, --help           this text

Exit codes: 0 stopped by a signal, 3 not enrolled.`;

export const runCommand: Command = {
  name: 'run',
  summary: 'run the agent in the foreground (what the service runs)',
  usage,
  async run(argv) {
    const { values } = parseCommandArgs('run', argv, { interval: { type: 'string' } });
    if (values.help) {
      printLines([usage]);
      return exitCodes.ok;
    }
    let intervalSeconds: number | undefined;
    if (values.interval !== undefined) {
      intervalSeconds = Number(values.interval);
      if (!Number.isInteger(intervalSeconds) || intervalSeconds < 1 || intervalSeconds > 3_600) {
        throw new AgentError(
          '--interval must be a whole number of seconds, 1 to 3600',
          exitCodes.usage,
        );
      }
    }
    const stateFile = statePath();
    requireState(stateFile);

    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await runAgentLoop({
      stateFile,
      log: createLogger({ level: logLevelFromEnv() }),
      signal: controller.signal,
      intervalSeconds,
    });
    return controller.signal.aborted ? exitCodes.ok : exitCodes.notEnrolled;
  },
};

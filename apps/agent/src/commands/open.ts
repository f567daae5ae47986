import { browserLaunchFor, launchBrowser } from '../browser.ts';
import { type Command, parseCommandArgs, printLines } from '../cli.ts';
import { createClient } from '../client.ts';
import { AgentError, exitCodes } from '../errors.ts';
import { localSocketCandidates, loginUrlFromService } from '../local-service.ts';
import { requireState, statePath } from '../state.ts';

const usage = `Usage: chamados-agent open [--print]

Opens the helpdesk as this machine, on the page for a new ticket: asks the server for a
single-use login code (valid 60 s) and opens it in an app window of Chrome, Edge or
Chromium when one is installed, else in the default browser. Tickets opened there are
linked to this machine. A user who cannot read the agent's state (it belongs to the
service) gets the code through the running service instead.

Options:
  --print      print the login URL instead of opening a browser
  -h, --help   this text

Exit codes: 0 opened, 3 not enrolled, 4 token refused, 5 server unreachable.`;

export const openCommand: Command = {
  name: 'open',
  summary: 'open the helpdesk as this machine',
  usage,
  async run(argv) {
    const { values } = parseCommandArgs('open', argv, { print: { type: 'boolean' } });
    if (values.help) {
      printLines([usage]);
      return exitCodes.ok;
    }
    const loginUrl = await newLoginUrl();
    if (values.print) {
      // The URL holds a one-time code: it goes to stdout only when asked for.
      printLines([loginUrl]);
      return exitCodes.ok;
    }
    const launch = browserLaunchFor(loginUrl);
    try {
      await launchBrowser(launch);
    } catch (error) {
      throw new AgentError(
        `Could not start ${launch.command}: ${error instanceof Error ? error.message : error}`,
        exitCodes.failed,
        'Use --print and open the URL yourself within 60 seconds.',
      );
    }
    const where = launch.kind === 'app' ? 'an app window' : 'the default browser';
    process.stderr.write(`Opened the helpdesk in ${where}.\n`);
    return exitCodes.ok;
  },
};

/** From the state when this user may read it, else from the running service. */
async function newLoginUrl(): Promise<string> {
  try {
    const state = requireState(statePath());
    return (await createClient(state.serverUrl).openSession(state.machineToken)).loginUrl;
  } catch (error) {
    const local = error instanceof AgentError && isLocalProblem(error.exitCode);
    if (!local) throw error;
    for (const socketPath of localSocketCandidates()) {
      const fromService = await loginUrlFromService(socketPath);
      if (fromService !== null) return fromService;
    }
    throw error;
  }
}

function isLocalProblem(exitCode: number): boolean {
  return exitCode === exitCodes.permission || exitCode === exitCodes.notEnrolled;
}

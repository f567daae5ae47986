import { type Command, parseCommandArgs, printJson, printLines, wantsJson } from '../cli.ts';
import { createClient, type MachineView } from '../client.ts';
import { AgentError, exitCodes } from '../errors.ts';
import { requireState, statePath } from '../state.ts';

const usage = `Usage: chamados-agent status [--json]

Shows which server this machine is enrolled with, its machine id, when its token expires,
the last heartbeat the server accepted, and how the server sees the machine now.

Options:
  --json       print as JSON (the default when stdout is not a terminal)
  -h, --help   this text

Exit codes: 0 the server knows the machine, 3 not enrolled, 4 token refused,
5 server unreachable (the local part is still printed).`;

export const statusCommand: Command = {
  name: 'status',
  summary: "show the enrolment and the server's view of this machine",
  usage,
  async run(argv) {
    const { values } = parseCommandArgs('status', argv, { json: { type: 'boolean' } });
    if (values.help) {
      printLines([usage]);
      return exitCodes.ok;
    }
    const state = requireState(statePath());
    let server: MachineView | null = null;
    let problem: AgentError | null = null;
    try {
      server = await createClient(state.serverUrl).me(state.machineToken);
    } catch (error) {
      if (!(error instanceof AgentError)) throw error;
      problem = error;
    }

    const local = {
      server: state.serverUrl,
      machineId: state.machineId,
      enrolledAt: state.enrolledAt,
      tokenExpiresAt: server?.tokenExpiresAt ?? state.tokenExpiresAt,
      lastHeartbeatAt: state.lastHeartbeatAt,
      canReenrol: state.enrollmentSecret !== '',
    };
    if (wantsJson(values.json as boolean | undefined)) {
      printJson({ ...local, serverView: server, error: problem?.message ?? null });
    } else {
      const seenAs = server ? ` (${server.hostname}, ${server.company.name})` : '';
      printLines([
        `Server:          ${local.server}`,
        `Machine:         ${local.machineId}${seenAs}`,
        `Token expires:   ${local.tokenExpiresAt}`,
        `Last heartbeat:  ${local.lastHeartbeatAt ?? 'none yet'}`,
        server
          ? `Server says:     ${server.status}, last seen ${server.lastSeenAt ?? 'never'}`
          : `Server says:     (no answer) ${problem?.message ?? ''}`,
      ]);
    }
    if (problem) {
      if (problem.hint) process.stderr.write(`${problem.hint}\n`);
      return problem.exitCode;
    }
    return exitCodes.ok;
  },
};

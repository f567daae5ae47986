import {
  type Command,
  parseCommandArgs,
  printJson,
  printLines,
  serverUrlOption,
  wantsJson,
} from '../cli.ts';
import { enrol } from '../enrolment.ts';
import { AgentError, exitCodes } from '../errors.ts';
import { collectInventory } from '../inventory/collect.ts';
import { readState, statePath, writeState } from '../state.ts';

const usage = `Usage: chamados-agent enroll --server URL --secret SECRET [--company SLUG] [options]

Registers this machine with a Chamados server and saves its token in the agent's state file
(readable by its owner only). Enrolling again replaces the token; the server recognises the
hardware and keeps the same machine.

Options:
  --server URL       the Chamados server, e.g. https://helpdesk.example.com
  --secret SECRET    a company's enrollment secret, or the server's provisioning secret
                     (or set CHAMADOS_AGENT_SECRET, which keeps it out of the process list)
  --company SLUG     the company, when enrolling with the provisioning secret
  --forget-secret    do not keep the secret: the agent then cannot re-enrol by itself
                     when its token is revoked or expires
  --json             print the result as JSON
  -h, --help         this text

Exit codes: 0 enrolled, 2 bad usage, 4 secret refused, 5 server unreachable.`;

export const enrollCommand: Command = {
  name: 'enroll',
  summary: 'register this machine with a Chamados server',
  usage,
  async run(argv) {
    const { values } = parseCommandArgs('enroll', argv, {
      server: { type: 'string' },
      secret: { type: 'string' },
      company: { type: 'string' },
      'forget-secret': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (values.help) {
      printLines([usage]);
      return exitCodes.ok;
    }
    const serverUrl = serverUrlOption(values.server as string | undefined, 'enroll');
    const secret = (values.secret as string | undefined) ?? process.env.CHAMADOS_AGENT_SECRET;
    if (!secret) {
      throw new AgentError(
        '--secret is required (or CHAMADOS_AGENT_SECRET)',
        exitCodes.usage,
        'See: chamados-agent enroll --help',
      );
    }

    const file = statePath();
    // A corrupt state file is what enrolling again is for: it is replaced below.
    const previous = readState(file, { corrupt: 'ignore' });
    const inventory = await collectInventory();
    const state = await enrol(
      {
        serverUrl,
        enrollmentSecret: secret,
        companySlug: (values.company as string | undefined) ?? null,
        keepSecret: values['forget-secret'] !== true,
      },
      inventory,
    );
    writeState(file, state);

    const result = {
      machineId: state.machineId,
      server: state.serverUrl,
      tokenExpiresAt: state.tokenExpiresAt,
      identifiedBy: inventory.identity.rule,
      replacedPreviousEnrolment: previous !== null,
      stateFile: file,
    };
    if (wantsJson(values.json as boolean | undefined)) {
      printJson(result);
    } else {
      const { rule, note } = inventory.identity;
      printLines([
        `Enrolled as machine ${state.machineId} on ${state.serverUrl}.`,
        `Identified by: ${rule}${note ? ` (${note})` : ''}`,
        `Token valid until ${state.tokenExpiresAt}; state saved in ${file}.`,
        'Start the service with chamados-agent service install (or run it: chamados-agent run)',
      ]);
    }
    return exitCodes.ok;
  },
};

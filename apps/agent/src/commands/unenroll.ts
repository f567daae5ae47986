import { type Command, parseCommandArgs, printLines } from '../cli.ts';
import { exitCodes } from '../errors.ts';
import { removeState, statePath } from '../state.ts';

const usage = `Usage: chamados-agent unenroll

Deletes the agent's state (server address, machine id, token, enrollment secret) from this
machine. The machine stays in the server's records, offline, until an admin revokes or
removes it; enrolling again later recognises the same hardware.

Options:
  -h, --help   this text

Exit codes: 0 removed, 3 was not enrolled.`;

export const unenrollCommand: Command = {
  name: 'unenroll',
  summary: "forget this machine's enrolment",
  usage,
  async run(argv) {
    const { values } = parseCommandArgs('unenroll', argv, {});
    if (values.help) {
      printLines([usage]);
      return exitCodes.ok;
    }
    const file = statePath();
    if (!removeState(file)) {
      process.stderr.write('This machine was not enrolled.\n');
      return exitCodes.notEnrolled;
    }
    printLines([`Removed the agent's state (${file}).`]);
    return exitCodes.ok;
  },
};

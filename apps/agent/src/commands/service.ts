import path from 'node:path';
import { type Command, parseCommandArgs, printLines } from '../cli.ts';
import { AgentError, exitCodes } from '../errors.ts';
import {
  installService,
  removeSystemFile,
  uninstallService,
  writeSystemFile,
} from '../service/install-service.ts';
import { defaultCommandRunner } from '../service/run-command.ts';
import { requireState, statePath } from '../state.ts';
import { isPackagedBinary } from '../version.ts';

const usage = `Usage: chamados-agent service install | uninstall

install     registers the agent with the OS so it runs at boot and restarts when it stops:
            a systemd unit on Linux, a launchd daemon on macOS, the Windows service
            ChamadosAgent (its small host compiled on the spot with the .NET Framework's
            C# compiler). Needs root / Administrator and an enrolled machine.
uninstall   stops it and removes the registration (the enrolment stays; see unenroll).

Options:
  -h, --help   this text

Exit codes: 0 done, 2 bad usage, 3 not enrolled, 6 not root / Administrator.`;

export const serviceCommand: Command = {
  name: 'service',
  summary: 'install or uninstall the agent as a service',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('service', argv, {});
    if (values.help) {
      printLines([usage]);
      return exitCodes.ok;
    }
    const [action, ...rest] = positionals;
    if ((action !== 'install' && action !== 'uninstall') || rest.length > 0) {
      throw new AgentError(
        'Say `service install` or `service uninstall`',
        exitCodes.usage,
        'See: chamados-agent service --help',
      );
    }
    const common = {
      platform: process.platform,
      run: defaultCommandRunner,
      removeFile: removeSystemFile,
      log: (line: string) => process.stderr.write(`${line}\n`),
    };
    if (action === 'uninstall') {
      await uninstallService(common);
      return exitCodes.ok;
    }

    if (!isPackagedBinary()) {
      throw new AgentError(
        'The service runs the packaged agent binary, and this is a development copy',
        exitCodes.usage,
        'Build it with `npm run build -w @chamados/agent` and run dist/chamados-agent.',
      );
    }
    const stateFile = statePath();
    requireState(stateFile);
    await installService({
      ...common,
      executable: process.execPath,
      writeFile: writeSystemFile,
      stateDir: path.dirname(stateFile),
    });
    return exitCodes.ok;
  },
};

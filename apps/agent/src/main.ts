#!/usr/bin/env node
import type { Command } from './cli.ts';
import { enrollCommand } from './commands/enroll.ts';
import { inventoryCommand } from './commands/inventory.ts';
import { openCommand } from './commands/open.ts';
import { runCommand } from './commands/run.ts';
import { serviceCommand } from './commands/service.ts';
import { statusCommand } from './commands/status.ts';
import { unenrollCommand } from './commands/unenroll.ts';
import { AgentError, exitCodes } from './errors.ts';
import { agentVersion } from './version.ts';

const commands: Command[] = [
  enrollCommand,
  runCommand,
  statusCommand,
  inventoryCommand,
  openCommand,
  serviceCommand,
  unenrollCommand,
];

function help(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    `chamados-agent ${agentVersion} — the Chamados machine agent`,
    '',
    'Usage: chamados-agent <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Run `chamados-agent <command> --help` for its options.',
    'Environment: CHAMADOS_AGENT_STATE (state file), CHAMADOS_AGENT_SOCKET (local socket),',
    '  CHAMADOS_AGENT_LOG_LEVEL (debug|info|warn|error).',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${help()}\n`);
    return name ? exitCodes.ok : exitCodes.usage;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${agentVersion}\n`);
    return exitCodes.ok;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    throw new AgentError(`Unknown command: ${name}`, exitCodes.usage, 'See: chamados-agent --help');
  }
  return command.run(rest);
}

// `chamados-agent inventory | head` closes stdout early; that is the reader's choice, not a fault.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? exitCodes.ok);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof AgentError) {
      process.stderr.write(`chamados-agent: ${error.message}\n`);
      if (error.hint) process.stderr.write(`${error.hint}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`chamados-agent: unexpected failure: ${detail}\n`);
    process.exitCode = exitCodes.failed;
  },
);

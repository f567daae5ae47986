import { parseArgs } from 'node:util';
import { CliError, exitCodes, intOption, progress, rethrowAsUsage, runCli } from './bench/cli.ts';
import { defaultSeedOptions, type SeedResult, seedTickets } from './bench/seed.ts';

const usage = `Usage: DATABASE_URL=postgres://… npm run seed:tickets -- [options]

Fills an empty PostgreSQL database with a year of helpdesk work for benchmarks and demos:
${defaultSeedOptions.companies} companies with about ${defaultSeedOptions.requestersPerCompany} \
requesters each, 3 admins and 12 technicians working
several queues, categories, and ${defaultSeedOptions.tickets.toLocaleString('en')} tickets \
with replies, internal notes and timelines.
Applies the migrations first. Only one admin, one technician and one requester get a
password (printed at the end); the others cannot sign in.

Options:
  --tickets <n>     tickets to create (default ${defaultSeedOptions.tickets})
  --companies <n>   companies (default ${defaultSeedOptions.companies})
  --requesters <n>  requesters per company, about (default \
${defaultSeedOptions.requestersPerCompany})
  --password <pw>   password of the accounts that can sign in (12–128 characters)
  --seed <n>        seed of the generator: same seed, same data (default 1)
  --json            print the summary as JSON (the default when stdout is not a terminal)
  -h, --help        show this help

Progress goes to stderr, the summary to stdout.
Exit codes: 0 seeded, 1 failed (nothing is left half-written), 2 bad usage,
3 the database already has companies or tickets.`;

function summary(result: SeedResult, password: string): string {
  const { counts, accounts } = result;
  return [
    `Seeded in ${result.seconds.toFixed(1)} s: ${counts.tickets} tickets, ${counts.comments} ` +
      `replies and notes, ${counts.changes} timeline entries, ${counts.companies} companies, ` +
      `${counts.users} users, ${counts.queues} queues, ${counts.categories} categories.`,
    `Sign in with password ${password} as:`,
    `  admin       ${accounts.admin.email}`,
    `  technician  ${accounts.technician.email}`,
    `  requester   ${accounts.requester.email}`,
  ].join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      tickets: { type: 'string' },
      companies: { type: 'string' },
      requesters: { type: 'string' },
      password: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }

  const url = process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\/\S+$/.test(url)) {
    throw new CliError(
      'DATABASE_URL must name the PostgreSQL database to seed',
      exitCodes.usage,
      'DATABASE_URL=postgres://user@host:5432/chamados_demo npm run seed:tickets',
    );
  }
  const password = values.password ?? defaultSeedOptions.password;
  if (password.length < 12 || password.length > 128) {
    throw new CliError('--password must have 12 to 128 characters', exitCodes.usage);
  }
  const options = {
    tickets: intOption('tickets', values.tickets, defaultSeedOptions.tickets, [1, 5_000_000]),
    companies: intOption('companies', values.companies, defaultSeedOptions.companies, [1, 10_000]),
    requestersPerCompany: intOption(
      'requesters',
      values.requesters,
      defaultSeedOptions.requestersPerCompany,
      [1, 1_000],
    ),
    seed: intOption('seed', values.seed, defaultSeedOptions.seed, [0, 2 ** 31]),
    password,
  };

  const result = await seedTickets(url, options, progress);
  const json = values.json || !process.stdout.isTTY;
  process.stdout.write(
    json ? `${JSON.stringify(result, null, 2)}\n` : `${summary(result, password)}\n`,
  );
  return 0;
}

runCli(() => main().catch(rethrowAsUsage));

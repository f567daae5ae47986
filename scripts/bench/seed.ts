import { migrateDatabase, openPostgres, type TicketPriority } from '@chamados/core';
import type pg from 'pg';
import { CliError, exitCodes } from './cli.ts';
import { type Company, insertAccounts, insertPeople } from './seed-people.ts';
import {
  batchSize,
  changeColumns,
  commentColumns,
  type Db,
  insertRows,
  ticketColumns,
} from './seed-rows.ts';
import { createRandom, pick, type Random, searchWords } from './seed-text.ts';
import {
  type ChangeRow,
  type CommentRow,
  generateTicket,
  type TicketContext,
  type TicketRow,
} from './seed-timeline.ts';

export interface SeedOptions {
  companies: number;
  /** About this many requesters per company (a few more or less). */
  requestersPerCompany: number;
  tickets: number;
  /** The password of the accounts the benchmark signs in as; nobody else gets one. */
  password: string;
  /** Same seed, same names, texts and distribution (ids and the time base differ). */
  seed: number;
}

export const defaultSeedOptions: SeedOptions = {
  companies: 50,
  requestersPerCompany: 20,
  tickets: 100_000,
  password: 'chamados-bench-password',
  seed: 1,
};

export interface SignInAccount {
  id: string;
  email: string;
}

export interface SeedResult {
  counts: {
    companies: number;
    users: number;
    queues: number;
    categories: number;
    tickets: number;
    comments: number;
    changes: number;
  };
  seconds: number;
  /** Accounts with a password: an admin, a technician and a requester. */
  accounts: {
    admin: SignInAccount;
    technician: SignInAccount & { queueIds: string[] };
    requester: SignInAccount & { companyId: string };
  };
  searchWords: typeof searchWords;
}

const day = 24 * 60 * 60 * 1000;
const span = 365 * day;

async function assertEmpty(db: Db): Promise<void> {
  const { rows } = await db.query<{ used: boolean }>(
    'select exists (select 1 from tickets) or exists (select 1 from companies) as used',
  );
  if (rows[0]?.used) {
    throw new CliError(
      'the database already has companies or tickets',
      exitCodes.notEmpty,
      'seed a new, empty database: the seed adds to what it finds and cannot be undone',
    );
  }
}

async function slaTargetsOf(db: Db): Promise<TicketContext['sla']> {
  const { rows } = await db.query<{ priority: TicketPriority; fr: number; res: number }>(
    `select priority, first_response_minutes as fr, resolution_minutes as res
     from sla_targets`,
  );
  return new Map(rows.map((row) => [row.priority, { firstResponse: row.fr, resolution: row.res }]));
}

/**
 * Fills a PostgreSQL database with a year of helpdesk work: companies, people, queues and
 * categories, then `options.tickets` tickets with replies, notes and timelines, inserted in
 * batches inside one transaction (a failure leaves the database as it was). Applies the
 * migrations first and refuses a database that already has companies or tickets.
 */
export async function seedTickets(
  url: string,
  options: SeedOptions,
  report: (line: string) => void,
): Promise<SeedResult> {
  const started = performance.now();
  const random = createRandom(options.seed);
  const handle = openPostgres(url, 1);
  try {
    await migrateDatabase(handle);
    const db = await (handle.client as pg.Pool).connect();
    // A connection lost mid-seed (the server stopped, the database dropped by an interrupted
    // benchmark) fails the query in flight; without a listener it would also crash the process.
    db.on('error', () => {});
    try {
      await assertEmpty(db);
      await db.query('begin');
      const result = await fill(db, random, options, report);
      await db.query('commit');

      report('seed: vacuum and analyze (what autovacuum would do on a live server)');
      await db.query('vacuum (analyze) tickets, ticket_comments, ticket_changes, users');
      return { ...result, seconds: (performance.now() - started) / 1000 };
    } catch (error) {
      await db.query('rollback').catch(() => {});
      throw error;
    } finally {
      db.release();
    }
  } finally {
    await handle.close();
  }
}

async function fill(db: Db, random: Random, options: SeedOptions, report: (l: string) => void) {
  const now = Date.now();
  const people = await insertPeople(db, random, options, now - span);
  const { companies, admins, technicians, queues, defaultQueue, categories } = people;
  report(
    `seed: ${companies.length} companies, ${people.users.length} users, ${queues.size + 1} queues`,
  );

  const admin = admins[0];
  const technician = technicians[0];
  const bigCompany = companies[0];
  const requester = bigCompany?.requesters[1] ?? bigCompany?.requesters[0];
  if (!admin || !technician || !bigCompany || !requester) throw new Error('no people seeded');
  await insertAccounts(db, [admin, technician, requester], options.password);

  const sla = await slaTargetsOf(db);
  const weights = companies.map((company) => company.weight);
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  const companyFor = (): Company => {
    let left = random() * totalWeight;
    for (const company of companies) {
      left -= company.weight;
      if (left < 0) return company;
    }
    return bigCompany;
  };

  const counts = { tickets: 0, comments: 0, changes: 0 };
  const started = performance.now();
  for (let start = 0; start < options.tickets; start += batchSize) {
    const tickets: TicketRow[] = [];
    const comments: CommentRow[] = [];
    const changes: ChangeRow[] = [];
    const end = Math.min(options.tickets, start + batchSize);
    for (let index = start; index < end; index++) {
      const company = companyFor();
      // Evenly over the year, oldest first, so each company's numbers follow its dates.
      const createdAt = now - span + Math.round(((index + random()) / options.tickets) * span);
      const generated = generateTicket(random, {
        companyId: company.id,
        number: company.nextNumber++,
        requester: pick(random, company.requesters),
        createdAt: Math.min(createdAt, now - 60_000),
        now,
        defaultQueue,
        queues,
        categories,
        sla,
      });
      tickets.push(generated.ticket);
      comments.push(...generated.comments);
      changes.push(...generated.changes);
    }
    await insertRows(db, 'tickets', ticketColumns, tickets);
    await insertRows(db, 'ticket_comments', commentColumns, comments);
    await insertRows(db, 'ticket_changes', changeColumns, changes);
    counts.tickets += tickets.length;
    counts.comments += comments.length;
    counts.changes += changes.length;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    report(`seed: tickets ${counts.tickets}/${options.tickets} (${seconds} s)`);
  }

  // The next ticket a company opens continues after the last seeded number.
  await db.query(
    `update companies set next_ticket_number = coalesce(
       (select max(number) from tickets where tickets.company_id = companies.id), 0) + 1`,
  );

  return {
    counts: {
      companies: companies.length,
      users: people.users.length,
      queues: queues.size + 1,
      categories: categories.size,
      ...counts,
    },
    accounts: {
      admin: { id: admin.id, email: admin.email },
      technician: {
        id: technician.id,
        email: technician.email,
        // The queue it mainly works first, the default queue (which all staff triage) last.
        queueIds: [...queues.values(), defaultQueue]
          .filter((queue) => queue.members.some((member) => member.id === technician.id))
          .map((queue) => queue.id),
      },
      requester: { id: requester.id, email: requester.email, companyId: bigCompany.id },
    },
    searchWords,
  };
}

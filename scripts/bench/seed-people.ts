import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { type Db, insertRows, type UserRow, user, userColumns } from './seed-rows.ts';
import {
  between,
  categoryNames,
  companyNamesFor,
  personName,
  queueNames,
  type Random,
  slugOf,
} from './seed-text.ts';
import type { SeedQueue } from './seed-timeline.ts';

const day = 24 * 60 * 60 * 1000;

export interface Company {
  id: string;
  name: string;
  slug: string;
  weight: number;
  requesters: UserRow[];
  nextNumber: number;
}

/** Companies with their requesters, staff with their queues, categories; no tickets yet. */
export async function insertPeople(
  db: Db,
  random: Random,
  options: { companies: number; requestersPerCompany: number },
  start: number,
) {
  const createdAt = new Date(start - day).toISOString();
  const companies: Company[] = companyNamesFor(random, options.companies).map((name, index) => ({
    id: randomUUID(),
    name,
    slug: `${slugOf(name)}-${index + 1}`,
    // A few large customers and a long tail of small ones.
    weight: 1 / (index + 1) ** 0.7,
    requesters: [],
    nextNumber: 1,
  }));
  await insertRows(
    db,
    'companies',
    { id: 'uuid', name: 'text', slug: 'text', created_at: 'timestamptz' },
    companies.map(({ id, name, slug }) => ({ id, name, slug, created_at: createdAt })),
  );

  const users: UserRow[] = [];
  const staffOf = (role: 'admin' | 'technician', count: number, prefix: string) =>
    Array.from({ length: count }, (_, index) => {
      const row = user(personName(random), `${prefix}${index + 1}@suporte.test`, role, createdAt);
      users.push(row);
      return row;
    });
  const admins = staffOf('admin', 3, 'admin');
  const technicians = staffOf('technician', 12, 'tecnico');
  for (const [index, company] of companies.entries()) {
    const count = between(
      random,
      options.requestersPerCompany - 5,
      options.requestersPerCompany + 5,
    );
    for (let n = 1; n <= Math.max(1, count); n++) {
      const row = user(
        personName(random),
        `pessoa${n}@empresa${index + 1}.test`,
        'requester',
        createdAt,
        company.id,
      );
      // One person per company sees all of the company's tickets.
      row.is_company_manager = n === 1;
      users.push(row);
      company.requesters.push(row);
    }
  }
  await insertRows(db, 'users', userColumns, users);

  const queues = new Map<string, SeedQueue>();
  for (const name of queueNames) queues.set(name, { id: randomUUID(), name, members: [] });
  await insertRows(
    db,
    'queues',
    { id: 'uuid', name: 'text', description: 'text' },
    [...queues.values()].map(({ id, name }) => ({ id, name, description: `Fila ${name}` })),
  );
  const { rows: defaults } = await db.query<{ id: string; name: string }>(
    'select id, name from queues where is_default',
  );
  const defaultRow = defaults[0];
  if (!defaultRow) throw new Error('no default queue: were the migrations applied?');
  const defaultQueue: SeedQueue = { ...defaultRow, members: [] };

  // Every technician works two or three queues; every admin two; everyone triages the default.
  const all = [...queues.values()];
  const join = (person: UserRow, count: number, offset: number) => {
    for (let i = 0; i < count; i++) all[(offset + i) % all.length]?.members.push(person);
    defaultQueue.members.push(person);
  };
  for (const [index, person] of technicians.entries()) join(person, 2 + (index % 2), index);
  for (const [index, person] of admins.entries()) join(person, 2, index * 2 + 1);
  await insertRows(
    db,
    'queue_members',
    { queue_id: 'uuid', user_id: 'text' },
    [defaultQueue, ...all].flatMap((queue) =>
      queue.members.map((member) => ({ queue_id: queue.id, user_id: member.id })),
    ),
  );

  const categories = new Map(categoryNames.map((name) => [name, randomUUID()]));
  await insertRows(
    db,
    'categories',
    { id: 'uuid', name: 'text' },
    [...categories].map(([name, id]) => ({ id, name })),
  );

  return { companies, users, admins, technicians, queues, defaultQueue, categories };
}

export async function insertAccounts(db: Db, people: { id: string }[], password: string) {
  // Hashing is deliberately slow (scrypt), so only the accounts the benchmark uses get one;
  // each its own hash (its own salt), as Better Auth would store it.
  const rows = [];
  for (const person of people) {
    rows.push({
      id: randomUUID(),
      account_id: person.id,
      provider_id: 'credential',
      user_id: person.id,
      password: await hashPassword(password),
    });
  }
  await insertRows(
    db,
    'accounts',
    { id: 'text', account_id: 'text', provider_id: 'text', user_id: 'text', password: 'text' },
    rows,
  );
}

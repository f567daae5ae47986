import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../test/support/test-database.ts';
import { type DatabaseHandle, sqlState, users } from '../../src/index.ts';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

const insertUser = (values: Partial<typeof users.$inferInsert>) =>
  handle.db.insert(users).values({
    id: randomUUID(),
    name: 'Someone',
    email: `${randomUUID()}@constraints.test`,
    ...values,
  });

describe('the database itself refuses', () => {
  it.each([
    { role: 'requester' as const, why: 'a requester without a company' },
    { role: 'machine' as const, why: 'a machine without a company' },
  ])('$why', async ({ role }) => {
    const error = await insertUser({ role }).catch((caught: unknown) => caught);
    expect(sqlState(error)).toBe('23514');
  });

  it('an unknown role', async () => {
    // @ts-expect-error: the column type allows only the four roles; the check is for raw SQL.
    const error = await insertUser({ role: 'superuser' }).catch((caught: unknown) => caught);
    expect(sqlState(error)).toBe('23514');
  });

  it('a company that does not exist', async () => {
    const error = await insertUser({ role: 'requester', companyId: randomUUID() }).catch(
      (caught: unknown) => caught,
    );
    expect(sqlState(error)).toBe('23503');
  });
});

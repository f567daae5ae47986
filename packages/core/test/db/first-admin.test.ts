import { verifyPassword } from 'better-auth/crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../test/support/test-database.ts';
import { accounts, type DatabaseHandle, ensureFirstAdmin, users } from '../../src/index.ts';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

describe('the first admin', () => {
  it('is created once, with a generated password that is returned but stored only hashed', async () => {
    const first = await ensureFirstAdmin(handle.db, { email: 'root@first.test' });
    if (!first.created || !first.generatedPassword) throw new Error('expected a generated admin');
    expect(first.generatedPassword).toMatch(/^[A-Za-z0-9_-]{32}$/);

    const [row] = await handle.db
      .select({ role: users.role, hash: accounts.password })
      .from(users)
      .innerJoin(accounts, eq(accounts.userId, users.id))
      .where(eq(users.email, 'root@first.test'));
    expect(row?.role).toBe('admin');
    expect(row?.hash).not.toContain(first.generatedPassword);
    expect(await verifyPassword({ hash: row?.hash ?? '', password: first.generatedPassword })).toBe(
      true,
    );

    const second = await ensureFirstAdmin(handle.db, { email: 'other@first.test' });
    expect(second).toEqual({ created: false });
    const admins = await handle.db.select().from(users).where(eq(users.role, 'admin'));
    expect(admins).toHaveLength(1);
  });
});

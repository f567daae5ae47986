import type { Role, User } from '../db/schema/index.ts';

/** What the API and pages show of a user: never credentials. */
export interface PublicUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  companyId: string | null;
  createdAt: Date;
}

export function toPublicUser(user: User): PublicUser {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    companyId: user.companyId,
    createdAt: user.createdAt,
  };
}

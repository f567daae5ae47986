import type { Role, User } from '../db/schema/index.ts';

/** What the API and pages show of a user: never credentials. */
export interface PublicUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  companyId: string | null;
  isCompanyManager: boolean;
  createdAt: Date;
}

export function toPublicUser(user: User): PublicUser {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    companyId: user.companyId,
    isCompanyManager: user.isCompanyManager,
    createdAt: user.createdAt,
  };
}

import { z } from 'zod';
import { passwordLength } from '../auth/auth.ts';

/** Roles a person can be given; `machine` is reserved for machine identities. */
export const personRoles = ['admin', 'technician', 'requester'] as const;

export const createUserInput = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    email: z
      .email()
      .max(254)
      .transform((email) => email.toLowerCase()),
    password: z.string().min(passwordLength.min).max(passwordLength.max),
    role: z.enum(personRoles),
    companyId: z.uuid().optional(),
    isCompanyManager: z
      .boolean()
      .default(false)
      .describe('A requester who sees and follows every ticket of their company'),
  })
  .superRefine((value, ctx) => {
    if (value.role === 'requester' && !value.companyId) {
      ctx.addIssue({
        code: 'custom',
        path: ['companyId'],
        message: 'a requester must belong to a company',
      });
    }
    if (value.role !== 'requester' && value.isCompanyManager) {
      ctx.addIssue({
        code: 'custom',
        path: ['isCompanyManager'],
        message: 'only a requester can be a company manager',
      });
    }
    if (value.role !== 'requester' && value.companyId) {
      ctx.addIssue({
        code: 'custom',
        path: ['companyId'],
        message: 'staff work across companies and take no company',
      });
    }
  });

export type CreateUserInput = z.infer<typeof createUserInput>;

export const listUsersQuery = z.strictObject({
  role: z.enum(['admin', 'technician', 'requester', 'machine']).optional(),
  companyId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

import { z } from 'zod';

export const slugPattern = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

export const createCompanyInput = z.strictObject({
  name: z.string().trim().min(2).max(120).describe('Display name of the company'),
  slug: z
    .string()
    .regex(slugPattern, 'lowercase letters, digits and inner hyphens, at most 64 characters')
    .optional()
    .describe('URL-safe identifier; derived from the name when omitted'),
});

export type CreateCompanyInput = z.infer<typeof createCompanyInput>;

/** "Padaria São João Ltda." → "padaria-sao-joao-ltda" */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

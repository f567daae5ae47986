import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/companies/schemas.ts';

describe('slugify', () => {
  it.each([
    ['Padaria São João Ltda.', 'padaria-sao-joao-ltda'],
    ['  AÇÚCAR & CIA  ', 'acucar-cia'],
    ['Escritório 2000', 'escritorio-2000'],
    ['---', ''],
    ['日本語', ''],
    [`${'a'.repeat(63)} b`, 'a'.repeat(63)],
  ])('%j → %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
});

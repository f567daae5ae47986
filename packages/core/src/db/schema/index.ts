export * from './auth.ts';
export * from './companies.ts';

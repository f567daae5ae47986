export * from './auth.ts';
export * from './companies.ts';
export * from './helpdesk.ts';
export * from './machines.ts';

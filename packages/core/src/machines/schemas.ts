import { z } from 'zod';
import { slugPattern } from '../companies/schemas.ts';
import { storable, storableJson, unstorableMessage } from './storable.ts';

const text = (max: number) =>
  z.string().trim().max(max).refine(storable, { message: unstorableMessage });

export const registerMachineInput = z.strictObject({
  enrollmentSecret: z
    .string()
    .min(16)
    .max(256)
    .describe("A company's enrollment secret, or the global provisioning secret"),
  companySlug: z
    .string()
    .regex(slugPattern)
    .optional()
    .describe('Which company, when enrolling with the global provisioning secret'),
  hostname: text(255).min(1),
  os: z.strictObject({
    name: text(100).min(1),
    version: text(100).min(1),
    build: text(100).optional(),
    arch: text(32).min(1),
  }),
  hardware: z.strictObject({
    systemUuid: text(100).optional(),
    serial: text(100).optional(),
    machineId: text(100).optional(),
    macs: z.array(text(64)).max(64).default([]),
  }),
  agentVersion: text(50).min(1),
  inventory: z
    .record(z.string(), z.unknown())
    .refine(storableJson, { message: `text in it ${unstorableMessage}` })
    .optional()
    .describe('The first full inventory; the agent sends it again whenever it changes'),
});

export type RegisterMachineInput = z.infer<typeof registerMachineInput>;

import { z } from 'zod';
import { storable, storableJson, unstorableMessage } from './storable.ts';

const storableText = (max: number) =>
  z.string().max(max).refine(storable, { message: unstorableMessage });

const bytes = z
  .number()
  .int()
  .min(0)
  .max(2 ** 53 - 1);

export const heartbeatInput = z.strictObject({
  metrics: z.strictObject({
    cpuPercent: z.number().min(0).max(100),
    load: z.array(z.number().min(0).max(100_000)).max(3).optional(),
    memory: z.strictObject({ usedBytes: bytes, totalBytes: bytes }),
    disks: z
      .array(
        z.strictObject({
          mount: storableText(255),
          usedBytes: bytes,
          totalBytes: bytes,
        }),
      )
      .max(64),
    uptimeSeconds: z
      .number()
      .int()
      .min(0)
      .max(100 * 365 * 86_400),
  }),
  loggedInUser: storableText(255).nullable().optional(),
  agentVersion: storableText(50).refine((value) => value.trim().length > 0, 'must not be empty'),
  inventoryHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex')
    .optional()
    .describe("SHA-256 of the agent's current full inventory"),
});

export type HeartbeatInput = z.infer<typeof heartbeatInput>;

export const inventoryInput = z.strictObject({
  inventory: z
    .record(z.string(), z.unknown())
    .refine(storableJson, { message: `text in it ${unstorableMessage}` }),
});

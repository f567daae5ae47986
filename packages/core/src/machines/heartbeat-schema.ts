import { z } from 'zod';

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
          mount: z.string().max(255),
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
  loggedInUser: z.string().max(255).nullable().optional(),
  agentVersion: z.string().trim().min(1).max(50),
  inventoryHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex')
    .optional()
    .describe("SHA-256 of the agent's current full inventory"),
});

export type HeartbeatInput = z.infer<typeof heartbeatInput>;

export const inventoryInput = z.strictObject({
  inventory: z.record(z.string(), z.unknown()),
});

import { z } from 'zod';
import { stepNames } from './steps.ts';

/**
 * `GET /thap/outbox` (optional): what the client claims about the work it accepted. thap never trusts it for
 * scoring; it compares the claim with NIC's ledger and reports where they disagree (a client that says
 * `submitted` for a write the ledger does not hold, or forgets work it answered `queued` for).
 */
export const outboxEntrySchema = z
  .object({
    correlationId: z.string().min(1).max(128),
    step: z.enum(stepNames),
    /** pending: accepted, not yet at NIC; submitted: NIC acknowledged it; abandoned: the client gave up. */
    state: z.enum(['pending', 'submitted', 'abandoned']),
    provisionalId: z.string().optional(),
    nic: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    attempts: z.number().int().nonnegative(),
    /** Epoch ms the client accepted the work and, when submitted, NIC acknowledged it. */
    acceptedAt: z.number().int().nonnegative(),
    submittedAt: z.number().int().nonnegative().optional(),
    lastError: z.string().optional(),
  })
  .meta({ id: 'OutboxEntry' });

export const outboxStatusSchema = z
  .object({
    client: z.string(),
    /** Epoch ms of this snapshot. */
    at: z.number().int().nonnegative(),
    counts: z.object({ pending: z.number().int().nonnegative(), submitted: z.number().int().nonnegative(), abandoned: z.number().int().nonnegative() }),
    entries: z.array(outboxEntrySchema),
  })
  .meta({ id: 'OutboxStatus' });

export type OutboxEntry = z.infer<typeof outboxEntrySchema>;
export type OutboxStatus = z.infer<typeof outboxStatusSchema>;

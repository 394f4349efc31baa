/**
 * The contract's channels for the audit log page (issue 14): the log's entries filtered by kind
 * of record (and one record), user and a range of days, newest first; and which kinds and users
 * the log holds, for the filters. Spread into contract.ts.
 */
import { z } from 'zod';
import type { ChannelSpec } from './channel-spec';
import { optionalIsoDate, pageFields } from '../domain/field-rules';
import { AUDIT_ACTIONS } from '../domain/audit-words';

/** One entry of the log: the whole snapshot before and after, as the repository recorded it. */
export const auditEntrySchema = z.object({
  id: z.number().int(),
  /** UTC timestamp of the change. */
  at: z.string(),
  actor: z.string(),
  entity: z.string(),
  entityId: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntryView = z.output<typeof auditEntrySchema>;

export const auditQuerySchema = z
  .object({
    entity: z.string().trim().min(1).max(60).optional(),
    /** One record of that kind; its number as the log keeps it (text: some records are named, not numbered). */
    entityId: z.union([z.string().trim().min(1).max(120), z.number().int().nonnegative().transform(String)]).optional(),
    actor: z.string().trim().min(1).max(200).optional(),
    /** Days in this computer's calendar (the practice's local days), both included. */
    from: optionalIsoDate,
    to: optionalIsoDate,
    ...pageFields,
  })
  .superRefine((q, ctx) => {
    if (q.entityId !== undefined && q.entity === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['entity'],
        message: 'Choose the kind of record as well as its number.',
        params: { code: 'AUDIT_ENTITY_REQUIRED' },
      });
    }
    if (q.from && q.to && q.to < q.from) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'The end date is before the start date.',
        params: { code: 'DATE_RANGE_REVERSED' },
      });
    }
  });
export type AuditQueryInput = z.input<typeof auditQuerySchema>;

export const auditChannels = {
  'audit:list': {
    summary:
      'The audit log, newest first: who changed which record and when, with the record before and after. Filter by kind of record (and one record), user and days.',
    args: auditQuerySchema,
    result: z.object({ rows: z.array(auditEntrySchema), total: z.number().int() }),
  },
  'audit:facets': {
    summary: 'The kinds of record and the users the audit log holds, for its filters.',
    args: z.object({}),
    result: z.object({ entities: z.array(z.string()), actors: z.array(z.string()) }),
  },
} as const satisfies Record<string, ChannelSpec>;

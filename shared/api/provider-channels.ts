/**
 * The contract's channels for the practice's providers (issue 14): the list (with the providers
 * the newest administrations named, the form's defaults), adding, changing, and making one
 * inactive. Spread into contract.ts.
 */
import { z } from 'zod';
import type { ChannelSpec } from './channel-spec';
import { idSchema, rowVersionSchema } from '../domain/field-rules';
import { providerInputSchema, providerSchema } from '../domain/provider';

export const providerListSchema = z.object({
  /** By name; only the active ones unless `includeInactive`. */
  rows: z.array(providerSchema),
  /**
   * The providers of the most recent administration that named an active one, for each role:
   * what a new administration starts with. Null when no recent administration names one.
   */
  lastUsed: z.object({ ordering: idSchema.nullable(), rendering: idSchema.nullable() }),
});
export type ProviderList = z.output<typeof providerListSchema>;

export const providerChannels = {
  'providers:list': {
    summary: 'The practice’s providers by name, with the ones the newest administration named.',
    args: z.object({ includeInactive: z.boolean().default(false) }),
    result: providerListSchema,
  },
  'providers:create': {
    summary: 'Add a provider (name, NPI checked by its check digit, credentials).',
    args: providerInputSchema,
    result: providerSchema,
  },
  'providers:update': {
    summary: 'Change a provider; `active: true` makes an inactive one active again.',
    args: z.intersection(
      providerInputSchema,
      z.object({ id: idSchema, version: rowVersionSchema, active: z.boolean().optional() }),
    ),
    result: providerSchema,
  },
  'providers:deactivate': {
    summary: 'Make a provider inactive: no longer offered on the administration form; the record stays.',
    args: z.object({ id: idSchema }),
    result: providerSchema,
  },
} as const satisfies Record<string, ChannelSpec>;

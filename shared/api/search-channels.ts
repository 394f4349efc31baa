/**
 * The contract's channel for the search box in the header (issue 14): one text finds patients
 * (name, account/MRN, member ID), claims (claim number), invoices (invoice number), lots (lot
 * number or NDC) and drugs (name or NDC), ignoring case and accents. Spread into contract.ts.
 */
import { z } from 'zod';
import type { ChannelSpec } from './channel-spec';
import { ADMINISTRATION_STATUSES } from '../domain/administration';

/** The kinds of record found, in the order the box shows them. */
export const SEARCH_KINDS = ['patient', 'claim', 'invoice', 'lot', 'drug'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** How many records of each kind are returned; more are said to exist, not listed. */
export const SEARCH_HITS_PER_KIND = 8;

export const searchHitSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  /** What the record is called, as people say it: "Łukasiewicz, Zoë", "Invoice 88123". */
  label: z.string(),
  /** One line that tells two similar records apart: date of birth, supplier and date, expiry. */
  detail: z.string(),
  /** Where the record opens in the app (a router path). */
  path: z.string(),
  /** A claim's status, shown as the badge the lists use. */
  status: z.enum(ADMINISTRATION_STATUSES).optional(),
});
export type SearchHit = z.output<typeof searchHitSchema>;

export const searchChannels = {
  'search:everything': {
    summary:
      'Patients, claims, invoices, lots and drugs matching what was typed (up to 8 of each), ignoring case and accents.',
    args: z.object({ text: z.string().trim().max(100) }),
    result: z.object({
      hits: z.array(searchHitSchema),
      /** The kinds that had more matches than were listed. */
      more: z.array(z.enum(SEARCH_KINDS)),
    }),
  },
} as const satisfies Record<string, ChannelSpec>;

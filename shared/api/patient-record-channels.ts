/** The contract's channels for a patient's record (issue 14): spread into contract.ts. */
import { z } from 'zod';
import type { ChannelSpec } from './channel-spec';
import { generatedDocumentSchema } from './document-schemas';
import { idSchema, pageFields } from '../domain/field-rules';
import { patientRecordSchema } from '../domain/patient-record';

export const patientRecordChannels = {
  'patients:record': {
    summary: 'One patient with their administrations, their claims (billed, expected, paid) and their document count.',
    args: z.object({ id: idSchema }),
    result: patientRecordSchema,
  },
  'patients:documents': {
    summary: 'The documents made for a patient’s administrations, newest first, paged.',
    args: z.object({ patientId: idSchema, ...pageFields }),
    result: z.object({ rows: z.array(generatedDocumentSchema), total: z.number().int() }),
  },
} as const satisfies Record<string, ChannelSpec>;

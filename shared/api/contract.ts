/**
 * The one contract between the UI and the services. Every channel is listed here with zod
 * schemas for its arguments and its result; IPC (main + preload), the loopback HTTP host, the CLI
 * and the renderer's client are all derived from this table, so a channel cannot exist in one
 * door and not another.
 */
import { z } from 'zod';
import { drugInputSchema, drugListQuerySchema, drugSchema, ndcField } from '../domain/drug-catalog';
import { practiceInputSchema, practiceSettingsSchema } from '../domain/practice-settings';
import { idSchema } from '../domain/field-rules';
import { estimateResultSchema, scenarioSchema } from '../domain/scenario';

type ChannelSpec = { summary: string; args: z.ZodType; result: z.ZodType };

const byId = z.object({ id: idSchema });

export const contract = {
  'app:info': {
    summary: 'Version, mode and where the data lives.',
    args: z.object({}),
    result: z.object({
      version: z.string(),
      mode: z.enum(['electron', 'browser', 'cli']),
      dataDir: z.string(),
      databaseFile: z.string(),
      schemaVersion: z.number().int(),
    }),
  },
  'practice:get': {
    summary: 'The practice settings, or null before they are first saved.',
    args: z.object({}),
    result: practiceSettingsSchema.nullable(),
  },
  'practice:set': {
    summary: 'Save the practice settings (all fields at once).',
    args: practiceInputSchema,
    result: practiceSettingsSchema,
  },
  'drugs:list': {
    summary: 'Drugs in the catalog, filtered by a search over NDC and names, sorted, paged.',
    args: drugListQuerySchema,
    result: z.object({ rows: z.array(drugSchema), total: z.number().int() }),
  },
  'drugs:get': {
    summary: 'One drug, by id or by NDC (any accepted form).',
    // One object rather than a union, so a bad NDC keeps its own code (NDC_AMBIGUOUS) on `ndc`.
    args: z
      .object({ id: idSchema.optional(), ndc: ndcField.optional() })
      .refine((a) => (a.id === undefined) !== (a.ndc === undefined), { error: 'Give either an id or an NDC.' }),
    result: drugSchema,
  },
  'drugs:create': {
    summary: 'Add a drug to the catalog; its NDC must not be there yet.',
    args: drugInputSchema,
    result: drugSchema,
  },
  'drugs:update': {
    summary: 'Change a drug (all fields at once).',
    args: drugInputSchema.extend({ id: idSchema }),
    result: drugSchema,
  },
  'drugs:delete': {
    summary: 'Remove a drug from the catalog.',
    args: byId,
    result: drugSchema,
  },
  'estimate:scenario': {
    summary: 'The expected reimbursement of one administration scenario: claim lines, allowed, shares, trace.',
    args: scenarioSchema,
    result: estimateResultSchema,
  },
} as const satisfies Record<string, ChannelSpec>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ArgsIn<C extends Channel> = z.input<Contract[C]['args']>;
export type ArgsOut<C extends Channel> = z.output<Contract[C]['args']>;
export type Result<C extends Channel> = z.output<Contract[C]['result']>;

export const channels = Object.keys(contract) as Channel[];

export const isChannel = (name: string): name is Channel => Object.hasOwn(contract, name);

import type { z } from 'zod';

/** One channel of the contract: what it does, its arguments and result, and an optional body limit. */
export type ChannelSpec = { summary: string; args: z.ZodType; result: z.ZodType; maxBodyBytes?: number };

/**
 * The contract's channels for the idle lock and the passphrase (issue 15, item 5). The lock is
 * kept by the services, not drawn by the UI: while locked, every channel but `session:status` and
 * `session:unlock` is refused (LOCKED), whichever door or window asks. Only a practice with a
 * passphrase can lock: the passphrase is what unlocks it. Spread into contract.ts.
 */
import { z } from 'zod';
import type { ChannelSpec } from './channel-spec';

/** Channels answered while the app is locked: what the lock screen needs, nothing more. */
export const OPEN_WHILE_LOCKED = ['session:status', 'session:unlock'] as const;

export const DEFAULT_LOCK_AFTER_MINUTES = 15;
export const MAX_LOCK_AFTER_MINUTES = 480;

/**
 * Minutes without use before the app locks: 1 to 480 (eight hours), or 0 for never. Anything else
 * (text, a fraction, null) gets the same code and sentence, so the form says one thing next to the field.
 */
export const lockAfterMinutesSchema = z
  .unknown()
  .superRefine((minutes, ctx) => {
    if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 0 || minutes > MAX_LOCK_AFTER_MINUTES) {
      ctx.addIssue({
        code: 'custom',
        message: `Enter a whole number of minutes from 1 to ${MAX_LOCK_AFTER_MINUTES}, or 0 to never lock.`,
        params: { code: 'LOCK_AFTER_INVALID' },
      });
    }
  })
  .transform((minutes) => minutes as number);

export const sessionStatusSchema = z.object({
  /** The data folder is encrypted at rest (the services hold its data key). */
  encrypted: z.boolean(),
  /** A passphrase is set: without one the app cannot lock, since nothing could unlock it. */
  hasPassphrase: z.boolean(),
  locked: z.boolean(),
  lockAfterMinutes: z.number().int(),
  /** For the lock screen, which may read nothing else; a practice's name is not a patient's. */
  practiceName: z.string().nullable(),
  /**
   * This desk works on a practice server (issue 16): the passphrase and the idle lock are the
   * server machine's, and this desk's own protection is its person's session, which expires.
   */
  keptAtServer: z.boolean(),
});
export type SessionStatus = z.output<typeof sessionStatusSchema>;

// Not trimmed: spaces are part of a passphrase.
const passphraseText = z.string().max(1000);

export const sessionChannels = {
  'session:status': {
    summary: 'Whether the data is encrypted, a passphrase is set, the app is locked, and after how long it locks.',
    args: z.object({}),
    result: sessionStatusSchema,
  },
  'session:lock': {
    summary: 'Lock the app now (after the idle time, or "Lock now"); refused when no passphrase is set.',
    args: z.object({}),
    result: sessionStatusSchema,
  },
  'session:unlock': {
    summary: 'Unlock with the passphrase; five wrong ones in a row make the next try wait 30 seconds.',
    args: z.object({ passphrase: passphraseText }),
    result: sessionStatusSchema,
  },
  'session:setPassphrase': {
    summary: 'Set the passphrase, or change it (the current one is asked for).',
    args: z.object({ current: passphraseText.optional(), next: passphraseText }),
    result: sessionStatusSchema,
  },
  'session:setLockAfter': {
    summary: 'Minutes without use before the app locks (0 = never).',
    args: z.object({ lockAfterMinutes: lockAfterMinutesSchema }),
    result: sessionStatusSchema,
  },
} as const satisfies Record<string, ChannelSpec>;

/**
 * The practice network (issue 16), in Settings → Practice network:
 * - `sharing:*`: this desk serves its practice to the other desks (the practice server inside the
 *   desktop app or browser mode): on or off, the port, the addresses desks type, and the
 *   certificate's fingerprint they compare. Needs accounts, since every desk then signs in.
 * - `desk:*`: this desk works on another desk's or a `j3490 serve` practice server instead of its
 *   own data folder: the fingerprint the server presents is shown first, and the person confirms it
 *   matches the one the server shows before anything is sent to it.
 * Both are answered by the door (the desktop app, browser mode) that can open a listener or reach
 * the network; the command line answers NOT_AVAILABLE_HERE. Spread into contract.ts.
 */
import { z } from 'zod';
import type { ChannelSpec } from './channel-spec';

export const DEFAULT_PRACTICE_PORT = 3490;

const portSchema = z
  .number({ error: 'Enter a port number from 1024 to 65535.' })
  .int({ error: 'Enter a port number from 1024 to 65535.' })
  .min(1024, { error: 'Enter a port number from 1024 to 65535.' })
  .max(65535, { error: 'Enter a port number from 1024 to 65535.' });

export const sharingStatusSchema = z.object({
  /** Whether this door can share at all (the command line cannot). */
  available: z.boolean(),
  on: z.boolean(),
  port: z.number().int().nullable(),
  /** The addresses other desks type, one per network address of this machine. */
  addresses: z.array(z.string()),
  /** SHA-256 of the server's certificate, "AB:CD:…": what each desk compares on first connection. */
  fingerprint: z.string().nullable(),
  /** Sharing needs accounts: every desk signs in. */
  accountsOn: z.boolean(),
});
export type SharingStatus = z.output<typeof sharingStatusSchema>;

export const deskStatusSchema = z.object({
  available: z.boolean(),
  /** The practice server this desk works on, or null for its own data folder. */
  connectedTo: z.object({ url: z.string(), fingerprint: z.string() }).nullable(),
});
export type DeskStatus = z.output<typeof deskStatusSchema>;

const addressSchema = z
  .string()
  .trim()
  .min(1, { error: 'Enter the server’s address, e.g. 192.168.1.20:3490.' })
  .max(300, { error: 'That address is too long.' });

export const practiceNetworkChannels = {
  'sharing:status': {
    summary: 'Whether this desk shares its practice with other desks, on which addresses, and its fingerprint.',
    args: z.object({}),
    result: sharingStatusSchema,
  },
  'sharing:set': {
    summary: 'Start or stop sharing this practice with the other desks on the practice network (HTTPS).',
    args: z.object({ on: z.boolean(), port: portSchema.default(DEFAULT_PRACTICE_PORT) }),
    result: sharingStatusSchema,
  },
  'desk:status': {
    summary: 'Which practice server this desk works on, if any.',
    args: z.object({}),
    result: deskStatusSchema,
  },
  'desk:peek': {
    summary: 'Reach a practice server and read its certificate’s fingerprint, sending nothing else.',
    args: z.object({ address: addressSchema }),
    result: z.object({ url: z.string(), fingerprint: z.string() }),
  },
  'desk:connect': {
    summary: 'Work on this practice server from now on, trusting the certificate with this fingerprint only.',
    args: z.object({ address: addressSchema, fingerprint: z.string().trim().min(1).max(200) }),
    result: deskStatusSchema,
  },
  'desk:disconnect': {
    summary: 'Go back to this desk’s own data folder.',
    args: z.object({}),
    result: deskStatusSchema,
  },
} satisfies Record<string, ChannelSpec>;

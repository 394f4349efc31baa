/**
 * Password hashes for sign-in (issue 16): scrypt with a random salt, stored as one text
 * `scrypt$N$r$p$salt$hash` (base64), so the cost can be raised later and old hashes still verify.
 * The password itself is never stored or logged. Verification compares in constant time.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/** N = 2^15, r = 8: about 0.1 s and 32 MB a sign-in, enough against guessing a stolen hash offline. */
const COST = { N: 32768, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const MAX_MEMORY = 128 * 1024 * 1024;

const derive = (password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Buffer =>
  scryptSync(password.normalize('NFC'), salt, KEY_BYTES, { ...cost, maxmem: MAX_MEMORY });

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Whether `password` is the one `stored` was made from; false for a hash this code cannot read. */
export function passwordMatches(password: string, stored: string): boolean {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (![cost.N, cost.r, cost.p].every((v) => Number.isInteger(v) && v > 0)) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = derive(password, Buffer.from(salt, 'base64'), cost);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

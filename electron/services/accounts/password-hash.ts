/**
 * Password hashes for sign-in (issue 16): scrypt with a random salt, stored as one text
 * `scrypt$N$r$p$salt$hash` (base64), so the cost can be raised later and old hashes still verify.
 * The password itself is never stored or logged. Verification compares in constant time.
 */
import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

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

type Parsed = { salt: Buffer; expected: Buffer; cost: { N: number; r: number; p: number } };

/** The parts of a stored hash, or null for one this code cannot read. */
function parse(stored: string): Parsed | null {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !n || !r || !p || !salt || !hash) return null;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (![cost.N, cost.r, cost.p].every((v) => Number.isInteger(v) && v > 0)) return null;
  return { salt: Buffer.from(salt, 'base64'), expected: Buffer.from(hash, 'base64'), cost };
}

/**
 * Whether `password` is the one `stored` was made from; false for a hash this code cannot read.
 * Checked on libuv's thread pool: a practice server signing in a room of desks at 8:00 keeps
 * answering the others meanwhile (scrypt is ~0.1 s of CPU each).
 */
export async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (parsed === null) return false;
  const actual = await new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), parsed.salt, KEY_BYTES, { ...parsed.cost, maxmem: MAX_MEMORY }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
  return actual.length === parsed.expected.length && timingSafeEqual(actual, parsed.expected);
}

/**
 * The data key: 32 random bytes that encrypt the database (SQLite3 Multiple Ciphers, ChaCha20-
 * Poly1305) and the stored files (file-cipher.ts). It never touches the disk in clear. The key
 * file `<dataDir>/j3490-key.json` keeps it wrapped, once per way of unlocking:
 * - `passphrase`: AES-256-GCM under a key derived from the practice's passphrase by scrypt; what
 *   browser mode and the CLI unlock with, on any machine (a restored copy included);
 * - `desktop`: sealed by the operating system's key store (Electron's safeStorage: Keychain,
 *   DPAPI, libsecret), so the desktop app opens without asking on the computer that made it.
 * Changing the passphrase re-wraps the same data key: the database and files are not rewritten.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, fieldError } from '../app-error';
import { writeFileDurably } from '../durable-file';

export const KEY_FILE_NAME = 'j3490-key.json';
export const DATA_KEY_BYTES = 32;
/** Long enough that guessing it offline is out of reach; a sentence is easier to remember than a code. */
export const MIN_PASSPHRASE_LENGTH = 10;

/** scrypt at N = 2^17, r = 8 (128 MB, about a third of a second): OWASP's figure for scrypt. */
const SCRYPT = { N: 131072, r: 8, p: 1 } as const;

/** What the operating system's key store does for the desktop app (Electron's safeStorage). */
export type KeyProtector = { seal(secret: Buffer): Buffer; open(sealed: Buffer): Buffer };

type PassphraseWrap = {
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  tag: string;
  key: string;
};
type KeyFile = { format: 'j3490-key'; version: 1; passphrase?: PassphraseWrap; desktop?: { key: string } };

export const keyFilePath = (dataDir: string): string => join(dataDir, KEY_FILE_NAME);
export const hasKeyFile = (dataDir: string): boolean => existsSync(keyFilePath(dataDir));

export function readKeyFile(dataDir: string): KeyFile | null {
  const path = keyFilePath(dataDir);
  if (!existsSync(path)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw damagedKeyFile();
  }
  const file = parsed as Partial<KeyFile> | null;
  if (!file || file.format !== 'j3490-key' || file.version !== 1 || (!file.passphrase && !file.desktop)) {
    throw damagedKeyFile();
  }
  return file as KeyFile;
}

function writeKeyFile(dataDir: string, file: KeyFile): void {
  writeFileDurably(keyFilePath(dataDir), Buffer.from(`${JSON.stringify(file, null, 2)}\n`, 'utf8'), { private: true });
}

export function checkPassphrase(passphrase: string, field = 'passphrase'): void {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw fieldError(
      field,
      'PASSPHRASE_TOO_SHORT',
      `The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters long; a short sentence works well.`,
    );
  }
}

function deriveKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { ...params, maxmem: 256 * 1024 * 1024 });
}

function wrapWithPassphrase(dataKey: Buffer, passphrase: string): PassphraseWrap {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(passphrase, salt, SCRYPT), iv);
  const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return {
    kdf: 'scrypt',
    ...SCRYPT,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    key: wrapped.toString('base64'),
  };
}

function unwrapWithPassphrase(wrap: PassphraseWrap, passphrase: string): Buffer | null {
  try {
    const kek = deriveKey(passphrase, Buffer.from(wrap.salt, 'base64'), wrap);
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrap.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(wrap.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(wrap.key, 'base64')), decipher.final()]);
    return key.length === DATA_KEY_BYTES ? key : null;
  } catch {
    // GCM's tag refuses a wrong passphrase; so does a damaged wrap.
    return null;
  }
}

export type Unlock = { passphrase?: string; protector?: KeyProtector };

/**
 * The data key of `dataDir`, or null when the folder has no key file (a folder from before
 * encryption, or a new one). Tries the desktop key store first, then the passphrase.
 */
export function unlockDataKey(dataDir: string, unlock: Unlock): Buffer | null {
  const file = readKeyFile(dataDir);
  if (!file) return null;
  if (file.desktop && unlock.protector) {
    try {
      const key = unlock.protector.open(Buffer.from(file.desktop.key, 'base64'));
      if (key.length === DATA_KEY_BYTES) return key;
    } catch {
      // Another computer's key store (a copied folder): the passphrase may still open it.
    }
  }
  if (file.passphrase && unlock.passphrase !== undefined) {
    const key = unwrapWithPassphrase(file.passphrase, unlock.passphrase);
    if (key) return key;
    throw fieldError('passphrase', 'PASSPHRASE_WRONG', 'That passphrase does not open this practice’s data.');
  }
  if (file.passphrase) {
    throw new AppError(
      'PASSPHRASE_REQUIRED',
      'This practice’s data is encrypted: enter its passphrase (J3490_PASSPHRASE, or --passphrase-file in the command line).',
    );
  }
  throw new AppError(
    'KEY_UNAVAILABLE',
    'This practice’s data is encrypted with the key store of the computer that created it, and no passphrase was set there. Open it in the desktop app on that computer and set a passphrase in Settings.',
  );
}

/** A new data key, wrapped every way `unlock` offers; written before anything is encrypted with it. */
export function createDataKey(dataDir: string, unlock: Unlock): Buffer {
  if (unlock.passphrase === undefined && !unlock.protector) {
    throw new AppError('PASSPHRASE_REQUIRED', 'Choose a passphrase to encrypt this practice’s data.');
  }
  if (unlock.passphrase !== undefined) checkPassphrase(unlock.passphrase);
  const dataKey = randomBytes(DATA_KEY_BYTES);
  const file: KeyFile = { format: 'j3490-key', version: 1 };
  if (unlock.passphrase !== undefined) file.passphrase = wrapWithPassphrase(dataKey, unlock.passphrase);
  if (unlock.protector) file.desktop = { key: unlock.protector.seal(dataKey).toString('base64') };
  writeKeyFile(dataDir, file);
  return dataKey;
}

/** Whether `passphrase` opens the folder's key (the idle lock's unlock); false when none is set. */
export function passphraseOpens(dataDir: string, dataKey: Buffer, passphrase: string): boolean {
  const wrap = readKeyFile(dataDir)?.passphrase;
  if (!wrap) return false;
  const key = unwrapWithPassphrase(wrap, passphrase);
  return key !== null && timingSafeEqual(key, dataKey);
}

export function hasPassphrase(dataDir: string): boolean {
  return Boolean(readKeyFile(dataDir)?.passphrase);
}

/**
 * Set or change the passphrase: the data key is wrapped again under the new one. When a
 * passphrase exists, the current one must be given (someone at an unlocked desk cannot take the
 * practice's data away from its owner by changing it).
 */
export function setPassphrase(dataDir: string, dataKey: Buffer, change: { current?: string; next: string }): void {
  const file = readKeyFile(dataDir);
  if (!file) throw new AppError('NOT_ENCRYPTED', 'This practice’s data is not encrypted yet.');
  if (file.passphrase) {
    if (change.current === undefined || !passphraseOpens(dataDir, dataKey, change.current)) {
      throw fieldError('current', 'PASSPHRASE_WRONG', 'The current passphrase is not right.');
    }
  }
  checkPassphrase(change.next, 'next');
  writeKeyFile(dataDir, { ...file, passphrase: wrapWithPassphrase(dataKey, change.next) });
}

/** Whether this computer's key store opens the folder's key. */
export function desktopWrapOpens(dataDir: string, protector: KeyProtector): boolean {
  const wrap = readKeyFile(dataDir)?.desktop;
  if (!wrap) return false;
  try {
    return protector.open(Buffer.from(wrap.key, 'base64')).length === DATA_KEY_BYTES;
  } catch {
    return false;
  }
}

/** The desktop app adds its key-store wrap to a folder opened with the passphrase, so it opens without asking next time. */
export function addDesktopWrap(dataDir: string, dataKey: Buffer, protector: KeyProtector): void {
  const file = readKeyFile(dataDir);
  if (!file) return;
  writeKeyFile(dataDir, { ...file, desktop: { key: protector.seal(dataKey).toString('base64') } });
}

function damagedKeyFile(): AppError {
  return new AppError(
    'KEY_FILE_DAMAGED',
    `The key file (${KEY_FILE_NAME}) in the data folder is damaged, so the practice’s data cannot be opened. Restore it from a backup.`,
  );
}

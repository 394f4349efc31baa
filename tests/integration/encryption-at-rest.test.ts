/**
 * Encryption at rest (issue 15, item 5): with a passphrase or the desktop key store, the data
 * folder holds no readable health information: not in the database, its WAL, the stored scans and
 * documents, nor a backup. A folder from before encryption is encrypted in place the first time
 * it is opened with a key, and a wrong or missing passphrase is refused with nothing changed.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupService } from '../../electron/services/backup/backup-service';
import { restoreService } from '../../electron/services/backup/restore-service';
import { openServices, type Services } from '../../electron/services/context';
import { hasPassphrase, setPassphrase, type KeyProtector } from '../../electron/services/crypto/key-file';
import { dispatch } from '../../electron/services/dispatch';
import { scanStore } from '../../electron/services/scan-store';
import { filesHolding } from '../fixtures/files-holding';
import { makeTempDir, removeTempDir } from './temp-dir';

const PASSPHRASE = 'correct horse battery staple';
// Words that must never be found in the folder's bytes once it is encrypted.
const SECRET_NAME = 'Quixotebaum';
const SCAN_TEXT = 'Invoice for Quixotebaum infusion';

/** A stand-in for Electron's safeStorage: AES-GCM under a key that belongs to "this computer". */
function fakeKeyStore(): KeyProtector {
  const machineKey = randomBytes(32);
  return {
    seal(secret) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', machineKey, iv);
      const body = Buffer.concat([c.update(secret), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    open(sealed) {
      const d = createDecipheriv('aes-256-gcm', machineKey, sealed.subarray(0, 12));
      d.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([d.update(sealed.subarray(28)), d.final()]);
    },
  };
}

let dir: string;
let open: Services | undefined;

beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => {
  open?.close();
  open = undefined;
  removeTempDir(dir);
});

const start = (unlock?: Parameters<typeof openServices>[0]['unlock']): Services => {
  open?.close();
  open = openServices({ dataDir: dir, mode: 'cli', actor: 'tester', ...(unlock ? { unlock } : {}) });
  return open;
};

async function call<T>(services: Services, channel: string, args: unknown): Promise<T> {
  const reply = await dispatch(services.handlers, channel, args, { error: () => {} });
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

async function addPatientAndScan(services: Services): Promise<void> {
  await call(services, 'patients:create', {
    lastName: SECRET_NAME,
    firstName: 'Dulcinea',
    dateOfBirth: '1961-04-02',
    accountNumber: 'MRN-77123',
  });
  scanStore(dir, services.ctx.dataKey).save(
    Buffer.from(`%PDF-1.4\n${SCAN_TEXT}\n%%EOF\n`, 'latin1'),
    'application/pdf',
  );
}

/** Files of the test's folder (or one inside it) holding `text`, relative to the test's folder. */
const filesContaining = (folder: string, text: string): string[] =>
  filesHolding(folder, text).map((f) => relative(dir, join(folder, f)));

const patientNames = async (services: Services) =>
  (await call<{ rows: { lastName: string }[] }>(services, 'patients:list', {})).rows.map((p) => p.lastName);

describe('a folder encrypted with a passphrase', () => {
  it('holds no readable name or scan text, in the database, its WAL, the scans or a backup', async () => {
    const services = start({ passphrase: PASSPHRASE });
    await addPatientAndScan(services);
    const backup = await backupService(services.ctx).backupNow('manual');
    // The backup carries the key file (still wrapped), so with the passphrase it opens elsewhere.
    expect(readFileSync(join(backup.path, 'j3490-key.json')).equals(readFileSync(join(dir, 'j3490-key.json')))).toBe(
      true,
    );
    // Checked while open (the WAL holds the latest pages) and again once closed.
    expect(filesContaining(dir, SECRET_NAME)).toEqual([]);
    services.close();
    open = undefined;
    expect(filesContaining(dir, SECRET_NAME)).toEqual([]);
    expect(filesContaining(dir, SCAN_TEXT)).toEqual([]);
    // The control: a folder kept in clear does show the name, so the search above can find it.
    const clearDir = dir;
    dir = makeTempDir();
    const clear = start();
    await addPatientAndScan(clear);
    expect(filesContaining(dir, SECRET_NAME).length).toBeGreaterThan(0);
    clear.close();
    open = undefined;
    removeTempDir(dir);
    dir = clearDir;
  });

  it('opens again with the passphrase, and refuses no passphrase or a wrong one without changing anything', async () => {
    await addPatientAndScan(start({ passphrase: PASSPHRASE }));
    open?.close();
    open = undefined;
    const before = readFileSync(join(dir, 'j3490-desk.sqlite'));
    expect(() => start()).toThrow(expect.objectContaining({ code: 'PASSPHRASE_REQUIRED' }));
    expect(() => start({ passphrase: 'not the passphrase' })).toThrow(
      expect.objectContaining({ code: 'PASSPHRASE_WRONG' }),
    );
    expect(readFileSync(join(dir, 'j3490-desk.sqlite')).equals(before)).toBe(true);
    const again = start({ passphrase: PASSPHRASE });
    expect(await patientNames(again)).toEqual([SECRET_NAME]);
  });

  it('refuses a passphrase shorter than 10 characters when encrypting', () => {
    expect(() => start({ passphrase: 'short' })).toThrow(expect.objectContaining({ code: 'PASSPHRASE_TOO_SHORT' }));
  });

  it('changes its passphrase without rewriting the data: the old one no longer opens it', async () => {
    const services = start({ passphrase: PASSPHRASE });
    await addPatientAndScan(services);
    const key = services.ctx.dataKey as Buffer;
    expect(() => setPassphrase(dir, key, { current: 'wrong wrong wrong', next: 'a brand new passphrase' })).toThrow(
      expect.objectContaining({ code: 'PASSPHRASE_WRONG' }),
    );
    setPassphrase(dir, key, { current: PASSPHRASE, next: 'a brand new passphrase' });
    expect(() => start({ passphrase: PASSPHRASE })).toThrow(expect.objectContaining({ code: 'PASSPHRASE_WRONG' }));
    expect(await patientNames(start({ passphrase: 'a brand new passphrase' }))).toEqual([SECRET_NAME]);
  });
});

describe('backups of an encrypted folder', () => {
  it('restore into the same folder: the copy is checked with the folder’s key', async () => {
    const services = start({ passphrase: PASSPHRASE });
    await addPatientAndScan(services);
    const backup = await backupService(services.ctx).backupNow('manual');
    await call(services, 'patients:create', {
      lastName: 'Later',
      firstName: 'Added',
      dateOfBirth: '1970-01-01',
      accountNumber: 'MRN-1',
    });
    await restoreService(services.ctx).restore(backup.path);
    expect(await patientNames(services)).toEqual([SECRET_NAME]);
    services.close();
    open = undefined;
    expect(filesContaining(dir, SECRET_NAME)).toEqual([]);
  });
});

describe('a folder from before encryption', () => {
  it('is encrypted in place the first time it is opened with a key: database, WAL and stored scans', async () => {
    const clear = start();
    await addPatientAndScan(clear);
    clear.close();
    open = undefined;
    expect(filesContaining(dir, SCAN_TEXT).length).toBe(1);

    const encrypted = start({ passphrase: PASSPHRASE });
    expect(await patientNames(encrypted)).toEqual([SECRET_NAME]);
    // The scan sealed in place still reads back as it was stored.
    const scans = readdirSync(join(dir, 'scans'));
    expect(scans).toHaveLength(1);
    const sha = (scans[0] as string).slice(0, 64);
    expect(
      scanStore(dir, encrypted.ctx.dataKey).load(sha, 'application/pdf', 'the invoice').toString('latin1'),
    ).toContain(SCAN_TEXT);
    encrypted.close();
    open = undefined;
    expect(filesContaining(dir, SECRET_NAME)).toEqual([]);
    expect(filesContaining(dir, SCAN_TEXT)).toEqual([]);
  });

  it('restores a backup made in clear into an encrypted folder and encrypts it again', async () => {
    const clear = start();
    await addPatientAndScan(clear);
    const backup = await backupService(clear.ctx).backupNow('manual');
    clear.close();
    open = undefined;

    const encrypted = start({ passphrase: PASSPHRASE });
    await restoreService(encrypted.ctx).restore(backup.path);
    expect(await patientNames(encrypted)).toEqual([SECRET_NAME]);
    encrypted.close();
    open = undefined;
    // Only the backups (made in clear, before encryption, and kept as they were) still show it.
    expect(filesContaining(dir, SECRET_NAME).every((f) => f.startsWith('backups'))).toBe(true);
    expect(filesContaining(join(dir, 'scans'), SCAN_TEXT)).toEqual([]);
  });
});

describe('the desktop key store', () => {
  it('opens the folder without a passphrase on the computer that made it, and not on another', async () => {
    const thisComputer = fakeKeyStore();
    await addPatientAndScan(start({ protector: thisComputer }));
    expect(hasPassphrase(dir)).toBe(false);
    expect(await patientNames(start({ protector: thisComputer }))).toEqual([SECRET_NAME]);
    open?.close();
    open = undefined;
    expect(() => start({ protector: fakeKeyStore() })).toThrow(expect.objectContaining({ code: 'KEY_UNAVAILABLE' }));
    expect(filesContaining(dir, SECRET_NAME)).toEqual([]);
  });

  it('once a passphrase is set, another computer opens the folder with it', async () => {
    const thisComputer = fakeKeyStore();
    const services = start({ protector: thisComputer });
    await addPatientAndScan(services);
    setPassphrase(dir, services.ctx.dataKey as Buffer, { next: PASSPHRASE });
    expect(await patientNames(start({ protector: fakeKeyStore(), passphrase: PASSPHRASE }))).toEqual([SECRET_NAME]);
  });
});

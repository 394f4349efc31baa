/**
 * The manifest.json every backup folder holds: what it is, which schema the database copy has,
 * when and why it was made, how many records and files it holds, and the SHA-256 of the database
 * copy so a truncated or altered copy is found before a restore replaces anything.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { BACKUP_REASON_VALUES } from '../../../shared/api/backup-channels';

export const MANIFEST_FILE = 'manifest.json';
export const BACKUP_FORMAT = 'j3490-desk-backup';
export const STORED_FOLDERS = ['scans', 'documents', 'remittances'] as const;
export type StoredFolder = (typeof STORED_FOLDERS)[number];

/** Why a backup was made. Automatic ones are rotated; the others are kept until deleted. */
export const BACKUP_REASONS = BACKUP_REASON_VALUES;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(1),
  appVersion: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  createdAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  database: z.object({ file: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string() }),
  /** Files copied from each stored-files folder, and their bytes. */
  files: z.record(z.string(), z.object({ count: z.number().int().nonnegative(), bytes: z.number().int() })),
  /** Rows of the main tables, for a person choosing which backup to restore. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
});
export type BackupManifest = z.output<typeof manifestSchema>;

/** The folder's manifest, or null when there is none or it is not one of ours. */
export function readManifest(folder: string): BackupManifest | null {
  let text: string;
  try {
    text = readFileSync(join(folder, MANIFEST_FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The contract's channels for backups (issue 15): the list, a backup now, and a restore or a
 * delete of one of the listed backups. A restore names a backup by its folder name, never by a path: the UI can
 * only restore what is in the data folder's backups/. Spread into contract.ts.
 */
import { z } from 'zod';
import type { ChannelSpec } from './channel-spec';

export const BACKUP_REASON_VALUES = ['manual', 'automatic', 'before-restore'] as const;
/** The folder names backups are written under (electron/services/backup/backup-service.ts). */
export const BACKUP_NAME = /^\d{4}-\d{2}-\d{2}T\d{6}Z-[a-z-]+(?:-\d+)?$/;
const backupName = z.string().superRefine((name, ctx) => {
  if (!BACKUP_NAME.test(name)) {
    ctx.addIssue({
      code: 'custom',
      message: 'That is not one of the listed backups.',
      params: { code: 'BACKUP_NOT_FOUND' },
    });
  }
});

export const backupRowSchema = z.object({
  name: z.string(),
  createdAt: z.string(),
  reason: z.enum(BACKUP_REASON_VALUES),
  /** The database copy and the stored files together. */
  bytes: z.number().int().nonnegative(),
  schemaVersion: z.number().int().nonnegative(),
  appVersion: z.string(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
});
export type BackupRow = z.output<typeof backupRowSchema>;

export const backupChannels = {
  'backups:list': {
    summary: 'The backups in the data folder, newest first, and where they are kept.',
    args: z.object({}),
    result: z.object({ folder: z.string(), rows: z.array(backupRowSchema) }),
  },
  'backups:create': {
    summary: 'Back up the database and the stored scans, documents and remittance files now.',
    args: z.object({}),
    result: backupRowSchema,
  },
  'backups:restore': {
    summary:
      'Replace the data with a listed backup after checking it; the data as it was is kept as a before-restore backup.',
    args: z.object({ name: backupName }),
    result: z.object({
      restored: backupRowSchema,
      previousKeptIn: backupRowSchema,
      folders: z.record(z.string(), z.object({ before: z.number().int(), after: z.number().int() })),
    }),
  },
  'backups:delete': {
    summary: 'Delete a listed backup (never the only one left).',
    args: z.object({ name: backupName }),
    result: backupRowSchema,
  },
} as const satisfies Record<string, ChannelSpec>;

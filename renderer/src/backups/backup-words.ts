/** A backup's reason and size as the Settings card says them. */
import type { BackupRow } from '../../../shared/api/backup-channels';

const REASONS: Record<BackupRow['reason'], string> = {
  manual: 'Backed up by hand',
  automatic: 'Automatic',
  'before-restore': 'Kept before a restore',
};

export const reasonWords = (reason: BackupRow['reason']): string => REASONS[reason];

/** 0 → "0 KB", 1536 → "2 KB", 12_345_678 → "12.3 MB", 2_500_000_000 → "2.5 GB" (decimal units, as file managers show). */
export function sizeWords(bytes: number): string {
  // Rounded the way it is shown: 999,600 bytes reads "1.0 MB", never "1000 KB"; a few bytes read "1 KB".
  if (bytes < 999_500) return `${bytes === 0 ? 0 : Math.max(1, Math.round(bytes / 1000))} KB`;
  if (bytes < 1_000_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${(bytes / 1_000_000_000).toFixed(1)} GB`;
}

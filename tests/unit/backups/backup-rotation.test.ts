/**
 * Rotation of automatic backups (issue 15 item 1): the newest of each of the last N days and of
 * each of the last N weeks stay, the rest of the automatic ones go, a person's backups never do.
 */
import { describe, expect, it } from 'vitest';
import { backupsToRotate, type RotationEntry } from '../../../electron/services/backup/backup-rotation';

const at = (month: number, day: number, hour: number) => new Date(2025, month, day, hour).toISOString();
const auto = (name: string, createdAt: string): RotationEntry => ({ name, createdAt, automatic: true });

describe('backupsToRotate', () => {
  it('removes nothing while there are fewer days than the policy keeps', () => {
    const entries = [auto('a', at(0, 1, 8)), auto('b', at(0, 2, 8)), auto('c', at(0, 3, 8))];
    expect(backupsToRotate(entries, { daily: 7, weekly: 4 })).toEqual([]);
  });

  it('keeps only the newest of a day', () => {
    const entries = [auto('morning', at(0, 6, 8)), auto('noon', at(0, 6, 12)), auto('evening', at(0, 6, 17))];
    expect(backupsToRotate(entries, { daily: 7, weekly: 4 }).sort()).toEqual(['morning', 'noon']);
  });

  it('never removes manual or before-restore backups, however old', () => {
    const entries: RotationEntry[] = [
      { name: 'old-manual', createdAt: at(0, 1, 8), automatic: false },
      ...Array.from({ length: 20 }, (_, i) => auto(`d${i + 1}`, at(1, i + 1, 8))),
    ];
    expect(backupsToRotate(entries, { daily: 2, weekly: 1 })).not.toContain('old-manual');
  });

  it('with daily 2 and weekly 2 over three weeks: the last two days and the newest of the previous week', () => {
    // Mon Jan 6 … Sun Jan 26, 2025, one a day.
    const entries = Array.from({ length: 21 }, (_, i) => auto(`jan${6 + i}`, at(0, 6 + i, 9)));
    const kept = entries
      .map((e) => e.name)
      .filter((n) => !backupsToRotate(entries, { daily: 2, weekly: 2 }).includes(n));
    expect(kept.sort()).toEqual(['jan19', 'jan25', 'jan26']);
  });
});

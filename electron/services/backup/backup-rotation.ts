/**
 * Which automatic backups rotation deletes. Policy (grandfather-father-son): keep the newest
 * automatic backup of each of the last `daily` days that have one, and the newest of each of the
 * last `weekly` weeks (Monday to Sunday) that have one; delete the other automatic ones. Manual
 * and before-restore backups are never rotated: a person asked for them, a person deletes them.
 * Days are the machine's local calendar days, the ones the practice lives in.
 */
export type RotationEntry = { name: string; createdAt: string; automatic: boolean };
export type RotationPolicy = { daily: number; weekly: number };

export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4 };

const pad = (n: number) => String(n).padStart(2, '0');

function localDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The local date of the Monday that starts the week of `iso`. */
function localWeek(iso: string): string {
  const d = new Date(iso);
  const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
  return `${monday.getFullYear()}-${pad(monday.getMonth() + 1)}-${pad(monday.getDate())}`;
}

/** Names of the automatic backups rotation removes. */
export function backupsToRotate(
  entries: readonly RotationEntry[],
  policy: RotationPolicy = DEFAULT_ROTATION,
): string[] {
  const automatic = entries
    .filter((e) => e.automatic)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.name.localeCompare(a.name)));
  const keep = new Set<string>();
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const e of automatic) {
    const day = localDay(e.createdAt);
    if (!days.has(day) && days.size < policy.daily) {
      days.add(day);
      keep.add(e.name);
    }
    const week = localWeek(e.createdAt);
    if (!weeks.has(week) && weeks.size < policy.weekly) {
      weeks.add(week);
      keep.add(e.name);
    }
  }
  return automatic.filter((e) => !keep.has(e.name)).map((e) => e.name);
}

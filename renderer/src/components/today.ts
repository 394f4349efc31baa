/** Today's date on this computer's own calendar, with no other imports so any module (and a unit test) can use it. */

/** "2026-11-27" in the person's own time zone (not UTC, whose date can be tomorrow), for "today" defaults. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A stored UTC timestamp as people read it, in this computer's time zone: "Dec 6, 2026, 3:18 PM". */
const FORMAT = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

export function localTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : FORMAT.format(ms);
}

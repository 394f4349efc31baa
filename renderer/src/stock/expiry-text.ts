/** How a lot's expiry reads in a table: "in 45 days", "today", "3 days ago". */
export function daysLeftText(days: number): string {
  if (days === 0) return 'expires today';
  if (days > 0) return `${days} ${days === 1 ? 'day' : 'days'} left`;
  const ago = -days;
  return `expired ${ago} ${ago === 1 ? 'day' : 'days'} ago`;
}

export const STATUS_LABELS = {
  ok: 'In date',
  expiring: 'Expiring',
  expired: 'Expired',
  empty: 'Empty',
} as const;

export const STATUS_COLORS = {
  ok: 'teal',
  expiring: 'orange',
  expired: 'red',
  empty: 'gray',
} as const;

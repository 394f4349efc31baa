/**
 * Which practice server this desk works on (issue 16): one query, one key. Changing server (or
 * going back to this desk's own data) reloads the window: everything read, and the session of
 * whoever was signed in, belonged to the other data and must not stay in memory.
 */
import { useQuery } from '@tanstack/react-query';
import { call, keepSession } from '../api';

export const DESK_KEY = ['desk'] as const;

export function useDeskStatus() {
  return useQuery({ queryKey: DESK_KEY, queryFn: () => call('desk:status', {}) });
}

/** Start afresh on the data the desk now works on: its sign-in screen, nothing cached. */
export function reloadOnNewData(): void {
  keepSession(null);
  window.location.reload();
}

/** "Use this desk's own data": stop working on the practice server, then start afresh. */
export async function backToOwnData(): Promise<void> {
  await call('desk:disconnect', {});
  reloadOnNewData();
}

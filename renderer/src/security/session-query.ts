/** The session's status as every part of the renderer reads it: one query, one key. */
import { useQuery } from '@tanstack/react-query';
import { call } from '../api';

export const SESSION_KEY = ['session'] as const;

/** While unlocked it is read again now and then: another window or tab may have locked the app. */
const RECHECK_MS = 15_000;

export function useSessionStatus() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: () => call('session:status', {}),
    refetchInterval: (q) => (q.state.data?.locked ? false : RECHECK_MS),
  });
}

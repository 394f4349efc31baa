/** Whether the practice has accounts and who is signed in in this window: one query, one key. */
import { notifications } from '@mantine/notifications';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { DEFAULT_SESSION_IDLE_MINUTES, type AuthStatus } from '../../../shared/api/auth-channels';
import { call, keepSession } from '../api';

export const AUTH_KEY = ['auth'] as const;

export function useAuthStatus() {
  return useQuery({ queryKey: AUTH_KEY, queryFn: () => call('auth:status', {}) });
}

/**
 * Everything read under the previous person is dropped when someone signs in or out (another role
 * may not see it), and the sign-in status is set at once so no page flashes between the two.
 */
export function switchPerson(
  queryClient: QueryClient,
  token: string | null,
  status: Omit<AuthStatus, 'sessionIdleMinutes'>,
): void {
  // The idle time is the practice's, not the person's: it stays as last read.
  const idle = queryClient.getQueryData<AuthStatus>(AUTH_KEY)?.sessionIdleMinutes ?? DEFAULT_SESSION_IDLE_MINUTES;
  keepSession(token);
  // A message about a saved record may name a patient: it does not stay for the next person.
  notifications.clean();
  void queryClient.cancelQueries({ predicate: (q) => q.queryKey[0] !== AUTH_KEY[0] });
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== AUTH_KEY[0] && q.queryKey[0] !== 'session' });
  queryClient.setQueryData<AuthStatus>(AUTH_KEY, { ...status, sessionIdleMinutes: idle });
}

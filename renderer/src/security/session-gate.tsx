/**
 * Between the providers and the app: while the services say they are locked, only the lock screen
 * is drawn. The app is unmounted, not covered, and what it had read (patients, claims) is dropped
 * from the query cache, so nothing of it stays on screen, in the page or in memory behind the lock;
 * after unlocking, the same address opens again and reads afresh.
 *
 * The lock itself is the services' (they refuse every other call): this only draws it, starts it
 * after the idle time, and notices when another window's lock refuses one of this one's calls.
 */
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, type ReactNode } from 'react';
import type { SessionStatus } from '../../../shared/api/session-channels';
import { call, LOCKED_EVENT } from '../api';
import { LockScreen } from './lock-screen';
import { SESSION_KEY, useSessionStatus } from './session-query';
import { useIdleTimer } from './use-idle-timer';

export function SessionGate({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const session = useSessionStatus();
  const status = session.data;
  const locked = status?.locked === true;

  const showLocked = useCallback(() => {
    queryClient.setQueryData<SessionStatus>(SESSION_KEY, (s) => (s ? { ...s, locked: true } : s));
    void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  }, [queryClient]);

  useEffect(() => {
    window.addEventListener(LOCKED_EVENT, showLocked);
    return () => window.removeEventListener(LOCKED_EVENT, showLocked);
  }, [showLocked]);

  useEffect(() => {
    if (!locked) return;
    void queryClient.cancelQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    // A message about a saved record may name a patient.
    notifications.clean();
  }, [locked, queryClient]);

  const lockNow = useCallback(() => {
    call('session:lock', {})
      .then((next) => queryClient.setQueryData(SESSION_KEY, next))
      // Refused (the passphrase was removed meanwhile): read the status again and go on.
      .catch(() => void queryClient.invalidateQueries({ queryKey: SESSION_KEY }));
  }, [queryClient]);

  useIdleTimer(status?.lockAfterMinutes ?? 0, Boolean(status?.hasPassphrase) && !locked, lockNow);

  // Nothing is drawn until the services say whether they are locked: no flash of the app behind the lock.
  if (session.isPending) return null;
  if (locked && status) {
    return (
      <LockScreen
        practiceName={status.practiceName}
        onUnlocked={(next) => queryClient.setQueryData(SESSION_KEY, next)}
      />
    );
  }
  return children;
}

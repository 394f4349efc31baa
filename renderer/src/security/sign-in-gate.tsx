/**
 * Inside the lock gate: once the practice has accounts, nothing but the sign-in screen is drawn
 * until someone signs in in this window; a call refused for want of a session (it ended after the
 * idle time, or was ended elsewhere) brings the screen back, and what was read is dropped. The
 * refusal itself is the services' (every channel but the sign-in screen's asks for a session).
 * On a desk working on a practice server that does not answer, a screen says so (issue 16).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { SIGNED_OUT_EVENT } from '../api';
import { useDeskStatus } from '../network/desk-query';
import { ServerNotAnswering } from '../network/server-line';
import { AUTH_KEY, switchPerson, useAuthStatus } from './auth-query';
import { SignInScreen } from './sign-in-screen';

export function SignInGate({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const auth = useAuthStatus();
  const desk = useDeskStatus();
  const server = desk.data?.connectedTo;
  const [reason, setReason] = useState<string | null>(null);

  useEffect(() => {
    const signedOut = (e: Event) => {
      const code = (e as CustomEvent<string>).detail;
      setReason(code === 'SESSION_EXPIRED' ? 'You were away for a while: sign in again to go on.' : null);
      switchPerson(queryClient, null, { accountsOn: true, signedIn: null });
      void queryClient.invalidateQueries({ queryKey: AUTH_KEY });
    };
    window.addEventListener(SIGNED_OUT_EVENT, signedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, signedOut);
  }, [queryClient]);

  if (auth.isPending || (auth.isError && desk.isPending)) return null;
  // A desk whose practice server is gone is not left on a page of refusals (issue 16).
  if (auth.isError && server) {
    return <ServerNotAnswering url={server.url} error={auth.error} onRetry={() => void auth.refetch()} />;
  }
  if (auth.data?.accountsOn && !auth.data.signedIn) {
    return (
      <SignInScreen
        reason={reason}
        onSignedIn={({ token, user }) => {
          setReason(null);
          switchPerson(queryClient, token, { accountsOn: true, signedIn: user });
        }}
      />
    );
  }
  return children;
}

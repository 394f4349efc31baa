/**
 * On the sign-in screen of a desk that works on a practice server (issue 16): which server, and
 * "Use this desk's own data", so a desk whose server is gone or was the wrong one is never stuck
 * behind a screen it cannot pass. When the server does not answer at all, a screen says so instead
 * of the sign-in form.
 */
import { Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { ApiError } from '../api';
import { errorWords } from '../components/error-words';
import { GateCard } from '../security/gate-card';
import { backToOwnData, useDeskStatus } from './desk-query';
import { serverName } from './network-words';

const NOT_REACHED = 'This desk cannot reach its practice server';

/** "Signing in to the practice server at …" with the way back to this desk's own data; nothing on a desk of its own. */
export function ServerLine() {
  const server = useDeskStatus().data?.connectedTo;
  if (!server) return null;
  return (
    <Stack gap={2} data-testid="sign-in-server">
      <Text size="sm">Signing in to the practice server at {serverName(server.url)}.</Text>
      <OwnDataAction />
    </Stack>
  );
}

function OwnDataAction() {
  const leave = useMutation({ mutationFn: backToOwnData });
  return (
    <>
      <Anchor component="button" type="button" size="sm" ta="left" onClick={() => leave.mutate()}>
        Use this desk’s own data
      </Anchor>
      {leave.error && (
        <Text size="sm" c="red" role="alert">
          {errorWords(leave.error)}
        </Text>
      )}
    </>
  );
}

/** The whole window when this desk cannot reach its practice server: try again, or go back to its own data. */
export function ServerNotAnswering({ url, error, onRetry }: { url: string; error: unknown; onRetry: () => void }) {
  // The refusal for a server that does not answer names it already; any other (a changed certificate) does not.
  const namesServer = error instanceof ApiError && error.code === 'SERVER_UNREACHABLE';
  return (
    <GateCard label={NOT_REACHED} onSubmit={onRetry}>
      <Stack>
        <Title order={2}>{NOT_REACHED}</Title>
        {!namesServer && <Text size="sm">This desk works on the practice server at {serverName(url)}.</Text>}
        <Text size="sm" data-testid="server-not-answering">
          {errorWords(error)}
        </Text>
        <Button type="submit">Try again</Button>
        <OwnDataAction />
      </Stack>
    </GateCard>
  );
}

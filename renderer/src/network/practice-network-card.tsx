/**
 * Settings → Practice network (issue 16). On a desk working on a practice server: which server,
 * its fingerprint, and "Use this desk's own data instead…". Otherwise: sharing this practice with
 * the other desks (the owner's to change; every signed-in role sees it), and, while not sharing,
 * "Connect to a practice server…" (the owner's once this desk has accounts).
 */
import { Alert, Button, Card, Divider, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../api';
import { errorWords } from '../components/error-words';
import { useAuthStatus } from '../security/auth-query';
import { ConnectDialog } from './connect-dialog';
import { useDeskStatus } from './desk-query';
import { FingerprintBlock } from './fingerprint-block';
import { serverName } from './network-words';
import { OwnDataDialog } from './own-data-dialog';
import { SHARING_KEY, SharingSection } from './sharing-section';

export function PracticeNetworkCard() {
  const desk = useDeskStatus();
  const auth = useAuthStatus().data;
  if (!desk.data?.available || !auth) return null;
  const server = desk.data.connectedTo;
  return (
    <Card withBorder data-testid="practice-network-card">
      <Stack gap="sm">
        <Title order={3}>Practice network</Title>
        {server ? (
          <WorkingOnServer url={server.url} fingerprint={server.fingerprint} />
        ) : (
          <OwnPractice isOwner={!auth.accountsOn || auth.signedIn?.role === 'owner'} />
        )}
      </Stack>
    </Card>
  );
}

function OwnPractice({ isOwner }: { isOwner: boolean }) {
  const sharing = useQuery({ queryKey: SHARING_KEY, queryFn: () => call('sharing:status', {}) });
  const [connecting, setConnecting] = useState(false);
  if (sharing.isLoading) return <Loader size="sm" aria-label="Loading" />;
  if (!sharing.data) return <Alert color="red">{errorWords(sharing.error)}</Alert>;
  return (
    <>
      <SharingSection status={sharing.data} mayChange={isOwner} />
      {!sharing.data.on && isOwner && (
        <>
          <Divider />
          <Text fw={600}>Work on another desk’s practice</Text>
          <Text size="sm" c="dimmed">
            When another computer shares the practice, this desk can work on its records instead of its own.
          </Text>
          <Group>
            <Button variant="default" onClick={() => setConnecting(true)}>
              Connect to a practice server…
            </Button>
          </Group>
          <ConnectDialog opened={connecting} onClose={() => setConnecting(false)} />
        </>
      )}
    </>
  );
}

function WorkingOnServer({ url, fingerprint }: { url: string; fingerprint: string }) {
  const [leaving, setLeaving] = useState(false);
  return (
    <>
      <Text data-testid="working-on-server">This desk works on the practice server at {serverName(url)}.</Text>
      <Text size="sm">The server’s fingerprint, as confirmed when this desk connected:</Text>
      <FingerprintBlock fingerprint={fingerprint} label="The practice server’s fingerprint" />
      <Group>
        <Button variant="default" onClick={() => setLeaving(true)}>
          Use this desk’s own data instead…
        </Button>
      </Group>
      <OwnDataDialog url={url} opened={leaving} onClose={() => setLeaving(false)} />
    </>
  );
}

/**
 * Settings → Accounts (issue 16). Without accounts: what they are for and "Turn on accounts",
 * which makes the first owner (signed in at once). With accounts, for the owner: after how long
 * without activity people are signed out, the practice's people with their roles, "Set
 * password…", "Deactivate" and "Add a person". Others do not see the card.
 */
import { Alert, Badge, Button, Card, Group, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { UserSummary } from '../../../shared/api/auth-channels';
import { roleWords } from '../../../shared/domain/roles';
import { call } from '../api';
import { errorWords } from '../components/error-words';
import { switchPerson, useAuthStatus } from './auth-query';
import { NewPasswordForm } from './new-password-form';
import { PersonForm, type PersonInput } from './person-form';
import { SessionIdleForm } from './session-idle-form';

const USERS_KEY = ['users'] as const;

export function AccountsCard() {
  const auth = useAuthStatus().data;
  if (!auth) return null;
  if (!auth.accountsOn) return <TurnOnAccounts />;
  if (auth.signedIn?.role !== 'owner') return null;
  return <PracticePeople me={auth.signedIn.name} sessionIdleMinutes={auth.sessionIdleMinutes} />;
}

function TurnOnAccounts() {
  const queryClient = useQueryClient();
  const turnOn = useMutation({
    mutationFn: ({ name, password }: PersonInput) => call('auth:createFirstOwner', { name, password }),
    onSuccess: ({ token, user }) => {
      switchPerson(queryClient, token, { accountsOn: true, signedIn: user });
      notifications.show({ color: 'teal', title: 'Accounts are on', message: `Signed in as ${user.name}, owner.` });
    },
  });
  return (
    <Card withBorder data-testid="accounts-card">
      <Stack gap="sm">
        <Title order={3}>Accounts</Title>
        <Text size="sm">
          Without accounts, anyone at this computer can do everything, and the audit log names the computer’s login.
          With accounts, each person signs in with their own name and password, sees only the pages of their work, and
          the audit log names them.
        </Text>
        <Text size="sm" c="dimmed">
          The first account is yours, as the practice’s owner: you can then add the others with their roles.
        </Text>
        <PersonForm
          withRole={false}
          submitLabel="Turn on accounts"
          pending={turnOn.isPending}
          onSubmit={(p) => turnOn.mutateAsync(p)}
        />
      </Stack>
    </Card>
  );
}

function PracticePeople({ me, sessionIdleMinutes }: { me: string; sessionIdleMinutes: number }) {
  const queryClient = useQueryClient();
  const [settingFor, setSettingFor] = useState<UserSummary | null>(null);
  const people = useQuery({ queryKey: USERS_KEY, queryFn: () => call('users:list', {}) });
  const add = useMutation({
    mutationFn: (p: PersonInput) => call('users:create', p),
    onSuccess: (made) => {
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
      notifications.show({ color: 'teal', title: 'Person added', message: `${made.name}, ${roleWords(made.role)}` });
    },
  });
  const deactivate = useMutation({
    mutationFn: (id: number) => call('users:deactivate', { id }),
    onSuccess: (done) => {
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
      notifications.show({ color: 'teal', title: 'Deactivated', message: `${done.name} can no longer sign in.` });
    },
  });

  return (
    <Card withBorder data-testid="accounts-card">
      <Stack gap="sm">
        <Title order={3}>Accounts</Title>
        <Text size="sm" c="dimmed">
          Each person signs in with their own name and password and sees the pages of their role’s work.
        </Text>
        <SessionIdleForm sessionIdleMinutes={sessionIdleMinutes} />
        {people.isLoading && <Loader size="sm" aria-label="Loading" />}
        {people.error && <Alert color="red">{errorWords(people.error)}</Alert>}
        {deactivate.error && <Alert color="red">{errorWords(deactivate.error)}</Alert>}
        {people.data && (
          <Table aria-label="People of the practice" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.data.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>{roleWords(p.role)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={p.active ? 'teal' : 'gray'}>
                      {p.active ? 'Active' : 'Deactivated'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {p.active && p.name !== me && (
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="default"
                          aria-label={`Set a new password for ${p.name}`}
                          onClick={() => setSettingFor(p)}
                        >
                          Set password…
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="default"
                          aria-label={`Deactivate ${p.name}`}
                          loading={deactivate.isPending && deactivate.variables === p.id}
                          onClick={() => deactivate.mutate(p.id)}
                        >
                          Deactivate
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text fw={600}>Add a person</Text>
        <PersonForm withRole submitLabel="Add person" pending={add.isPending} onSubmit={(p) => add.mutateAsync(p)} />
      </Stack>
      <SetPasswordDialog person={settingFor} onClose={() => setSettingFor(null)} />
    </Card>
  );
}

/** The owner's "Set password…": for a person who forgot theirs, or whose password others may know. */
function SetPasswordDialog({ person, onClose }: { person: UserSummary | null; onClose: () => void }) {
  const set = useMutation({
    mutationFn: ({ id, password }: { id: number; password: string }) => call('users:setPassword', { id, password }),
    onSuccess: (done) => {
      onClose();
      notifications.show({
        color: 'teal',
        title: 'Password set',
        message: `${done.name} signs in with the new password from now on.`,
      });
    },
  });
  return (
    <Modal
      opened={person !== null}
      onClose={onClose}
      title={person ? `Set a new password for ${person.name}` : ''}
      centered
    >
      {person && (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {person.name} is signed out wherever they are signed in, and signs in again with this password. If they were
            made to wait after wrong passwords, they no longer have to.
          </Text>
          <NewPasswordForm
            withCurrent={false}
            submitLabel="Set password"
            pending={set.isPending}
            onCancel={onClose}
            onSubmit={({ next }) => set.mutateAsync({ id: person.id, password: next })}
          />
        </Stack>
      )}
    </Modal>
  );
}

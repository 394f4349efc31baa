/**
 * The header's "who is signed in" (name and role), shown once the practice has accounts: a menu
 * on the name with "Change my password…", and "Sign out".
 */
import { Button, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { roleWords } from '../../../shared/domain/roles';
import { call } from '../api';
import { switchPerson, useAuthStatus } from './auth-query';
import { NewPasswordForm } from './new-password-form';

export function SignedInPerson() {
  const queryClient = useQueryClient();
  const person = useAuthStatus().data?.signedIn;
  const [changing, setChanging] = useState(false);
  if (!person) return null;
  const signOut = () => {
    // Signed out here whatever the answer: a session the services already ended is as good as gone.
    void call('auth:signOut', {})
      .catch(() => undefined)
      .finally(() => switchPerson(queryClient, null, { accountsOn: true, signedIn: null }));
  };
  return (
    <Group gap={6} wrap="nowrap" data-testid="signed-in-person">
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="subtle"
            color="gray"
            size="compact-sm"
            title={`Signed in as ${person.name}, ${roleWords(person.role)}`}
            aria-label={`${person.name}, ${roleWords(person.role)}: your account`}
          >
            <Text size="sm" c="var(--mantine-color-text)" style={{ whiteSpace: 'nowrap' }}>
              {person.name}
            </Text>
            <Text component="span" size="xs" c="dimmed" ml={6} visibleFrom="lg">
              {roleWords(person.role)}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setChanging(true)}>Change my password…</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Button size="compact-sm" variant="default" onClick={signOut}>
        Sign out
      </Button>
      <ChangeMyPassword opened={changing} onClose={() => setChanging(false)} />
    </Group>
  );
}

function ChangeMyPassword({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const change = useMutation({
    mutationFn: ({ current, next }: { current: string; next: string }) =>
      call('auth:changePassword', { current, next }),
    onSuccess: () => {
      onClose();
      notifications.show({
        color: 'teal',
        title: 'Password changed',
        message: 'Sign in with the new password from now on; you stay signed in here.',
      });
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Change my password" centered>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          If you are signed in at another desk, you are signed out there.
        </Text>
        <NewPasswordForm
          withCurrent
          submitLabel="Change password"
          pending={change.isPending}
          onCancel={onClose}
          onSubmit={(input) => change.mutateAsync(input)}
        />
      </Stack>
    </Modal>
  );
}

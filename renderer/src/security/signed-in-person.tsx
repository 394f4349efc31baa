/** The header's "who is signed in" (name and role) and "Sign out", shown once the practice has accounts. */
import { Button, Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { roleWords } from '../../../shared/domain/roles';
import { call } from '../api';
import { switchPerson, useAuthStatus } from './auth-query';

export function SignedInPerson() {
  const queryClient = useQueryClient();
  const person = useAuthStatus().data?.signedIn;
  if (!person) return null;
  const signOut = () => {
    // Signed out here whatever the answer: a session the services already ended is as good as gone.
    void call('auth:signOut', {})
      .catch(() => undefined)
      .finally(() => switchPerson(queryClient, null, { accountsOn: true, signedIn: null }));
  };
  return (
    <Group gap={6} wrap="nowrap" data-testid="signed-in-person">
      <Text size="sm" style={{ whiteSpace: 'nowrap' }} title={`Signed in as ${person.name}, ${roleWords(person.role)}`}>
        {person.name}
        <Text component="span" size="xs" c="dimmed" ml={6} visibleFrom="lg">
          {roleWords(person.role)}
        </Text>
      </Text>
      <Button size="compact-sm" variant="default" onClick={signOut}>
        Sign out
      </Button>
    </Group>
  );
}

/**
 * Set the passphrase, or change it: the current one (when there is one), the new one, and the new
 * one again. The same rules as the services are checked before sending (10 characters, the two
 * the same); a wrong current passphrase comes back from the services next to its field.
 */
import { Button, Group, PasswordInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { z } from 'zod';
import { ApiError, call } from '../api';
import { errorWords } from '../components/error-words';
import { useRecordForm } from '../components/use-record-form';
import { SESSION_KEY } from './session-query';

/** As the services say it (crypto/key-file.ts); checked here first so the message comes at once. */
const MIN_LENGTH = 10;
const EMPTY = { current: '', next: '', repeat: '' };

function passphraseSchema(hasPassphrase: boolean) {
  return z
    .object({
      current: hasPassphrase ? z.string().min(1, 'Enter the passphrase in use now.') : z.string(),
      next: z
        .string()
        .min(MIN_LENGTH, `The passphrase must be at least ${MIN_LENGTH} characters long; a short sentence works well.`),
      repeat: z.string(),
    })
    .refine((v) => v.repeat === v.next, { path: ['repeat'], message: 'The two new passphrases are not the same.' });
}

export function PassphraseForm({ hasPassphrase }: { hasPassphrase: boolean }) {
  const queryClient = useQueryClient();
  const schema = useMemo(() => passphraseSchema(hasPassphrase), [hasPassphrase]);
  const form = useRecordForm(schema, EMPTY);

  const save = useMutation({
    mutationFn: (v: { current: string; next: string }) =>
      call('session:setPassphrase', hasPassphrase ? { current: v.current, next: v.next } : { next: v.next }),
    onSuccess: (status) => {
      queryClient.setQueryData(SESSION_KEY, status);
      form.setValues(EMPTY);
      notifications.show({
        color: 'teal',
        title: hasPassphrase ? 'Passphrase changed' : 'Passphrase set',
        message: 'Use the new passphrase from now on to unlock J3490 Desk.',
      });
    },
    // A refusal about a field goes next to it; any other is said above the fields.
    onError: (err) => {
      if (err instanceof ApiError && err.fields.length > 0) form.showError(err);
    },
  });
  const formWide = save.error && !(save.error instanceof ApiError && save.error.fields.length > 0) ? save.error : null;

  return (
    <form
      noValidate
      aria-label={hasPassphrase ? 'Change the passphrase' : 'Set a passphrase'}
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = form.validate();
        if (parsed) save.mutate(parsed);
      }}
    >
      <Stack gap="sm">
        <Text fw={600}>{hasPassphrase ? 'Change the passphrase' : 'Set a passphrase'}</Text>
        <Text size="sm" c="dimmed">
          The passphrase unlocks J3490 Desk after a time without use, and opens this practice’s data in a browser or on
          another computer. Use at least {MIN_LENGTH} characters (a short sentence is easy to remember) and keep it
          somewhere safe: nobody can recover it.
        </Text>
        {formWide && (
          <Text c="red" size="sm" role="alert">
            {errorWords(formWide)}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: hasPassphrase ? 3 : 2 }}>
          {hasPassphrase && (
            <PasswordInput label="Current passphrase" autoComplete="current-password" {...form.inputProps('current')} />
          )}
          <PasswordInput label="New passphrase" autoComplete="new-password" {...form.inputProps('next')} />
          <PasswordInput label="Repeat the new passphrase" autoComplete="new-password" {...form.inputProps('repeat')} />
        </SimpleGrid>
        <Group>
          <Button type="submit" variant="light" loading={save.isPending}>
            {hasPassphrase ? 'Change passphrase' : 'Set passphrase'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * "Sign people out after [N] minutes without activity" (issue 16), the owner's: 5 to 480. The
 * services check it again and read it at every call, so a change holds for sessions already open.
 */
import { Button, Group, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { z } from 'zod';
import {
  MAX_SESSION_IDLE_MINUTES,
  MIN_SESSION_IDLE_MINUTES,
  sessionIdleMinutesSchema,
  type AuthStatus,
} from '../../../shared/api/auth-channels';
import { ApiError, call } from '../api';
import { useRecordForm } from '../components/use-record-form';
import { AUTH_KEY } from './auth-query';
import { minutesWords } from './lock-after-form';

const NOT_MINUTES = `Enter a whole number of minutes from ${MIN_SESSION_IDLE_MINUTES} to ${MAX_SESSION_IDLE_MINUTES}.`;
const minutesForm = z.object({
  sessionIdleMinutes: z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, NOT_MINUTES)
    .transform((typed): unknown => Number(typed))
    .pipe(sessionIdleMinutesSchema),
});

export function SessionIdleForm({ sessionIdleMinutes }: { sessionIdleMinutes: number }) {
  const queryClient = useQueryClient();
  const form = useRecordForm(minutesForm, { sessionIdleMinutes: String(sessionIdleMinutes) });
  const { setValues } = form;
  useEffect(() => setValues({ sessionIdleMinutes: String(sessionIdleMinutes) }), [sessionIdleMinutes, setValues]);

  const save = useMutation({
    mutationFn: (minutes: number) => call('users:setSessionIdle', { sessionIdleMinutes: minutes }),
    onSuccess: (saved) => {
      queryClient.setQueryData<AuthStatus>(AUTH_KEY, (status) => status && { ...status, ...saved });
      notifications.show({
        color: 'teal',
        title: 'Saved',
        message: `People are signed out after ${minutesWords(saved.sessionIdleMinutes)} without activity.`,
      });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.fields.length > 0) form.showError(err);
    },
  });

  const field = form.inputProps('sessionIdleMinutes');
  // A refusal that names no field (the services not answering) is said in the same place.
  const error =
    field.error ?? (save.error instanceof ApiError && save.error.fields.length > 0 ? undefined : save.error?.message);
  return (
    <form
      noValidate
      aria-label="Sign people out after a time without activity"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = form.validate();
        if (parsed) save.mutate(parsed.sessionIdleMinutes);
      }}
    >
      <Group gap="xs" align="center" wrap="wrap">
        <Text>Sign people out after</Text>
        <TextInput
          {...field}
          error={Boolean(error)}
          aria-label="Minutes without activity before a person is signed out"
          aria-describedby="session-idle-error session-idle-help"
          inputMode="numeric"
          w={80}
        />
        <Text>minutes without activity</Text>
        <Button type="submit" variant="light" loading={save.isPending}>
          Save
        </Button>
      </Group>
      {error && (
        <Text id="session-idle-error" c="red" size="sm" mt={4} role="alert">
          {error}
        </Text>
      )}
      <Text id="session-idle-help" size="sm" c="dimmed" mt={4}>
        From {MIN_SESSION_IDLE_MINUTES} to {MAX_SESSION_IDLE_MINUTES} minutes (eight hours); then the password is asked
        again.
      </Text>
    </form>
  );
}

/** "Lock after [N] minutes without use": 1 to 480, or 0 for never; the services check it again. */
import { Button, Group, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { z } from 'zod';
import { lockAfterMinutesSchema } from '../../../shared/api/session-channels';
import { ApiError, call } from '../api';
import { useRecordForm } from '../components/use-record-form';
import { SESSION_KEY } from './session-query';

const NOT_MINUTES = 'Enter a whole number of minutes from 1 to 480, or 0 to never lock.';
const minutesForm = z.object({
  lockAfterMinutes: z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, NOT_MINUTES)
    .transform((typed): unknown => Number(typed))
    .pipe(lockAfterMinutesSchema),
});

export function LockAfterForm({ lockAfterMinutes }: { lockAfterMinutes: number }) {
  const queryClient = useQueryClient();
  const form = useRecordForm(minutesForm, { lockAfterMinutes: String(lockAfterMinutes) });
  const { setValues } = form;
  useEffect(() => setValues({ lockAfterMinutes: String(lockAfterMinutes) }), [lockAfterMinutes, setValues]);

  const save = useMutation({
    mutationFn: (minutes: number) => call('session:setLockAfter', { lockAfterMinutes: minutes }),
    onSuccess: (status) => {
      queryClient.setQueryData(SESSION_KEY, status);
      notifications.show({
        color: 'teal',
        title: 'Saved',
        message:
          status.lockAfterMinutes === 0
            ? 'J3490 Desk will not lock by itself.'
            : `J3490 Desk locks after ${minutesWords(status.lockAfterMinutes)} without use.`,
      });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.fields.length > 0) form.showError(err);
    },
  });

  const field = form.inputProps('lockAfterMinutes');
  // A refusal that names no field (the services not answering) is said in the same place.
  const error =
    field.error ?? (save.error instanceof ApiError && save.error.fields.length > 0 ? undefined : save.error?.message);
  return (
    <form
      noValidate
      aria-label="Lock after a time without use"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = form.validate();
        if (parsed) save.mutate(parsed.lockAfterMinutes);
      }}
    >
      <Group gap="xs" align="center" wrap="wrap">
        <Text>Lock after</Text>
        <TextInput
          {...field}
          error={Boolean(error)}
          aria-label="Minutes without use before J3490 Desk locks"
          aria-describedby="lock-after-error lock-after-help"
          inputMode="numeric"
          w={80}
        />
        <Text>minutes without use</Text>
        <Button type="submit" variant="light" loading={save.isPending}>
          Save
        </Button>
      </Group>
      {error && (
        <Text id="lock-after-error" c="red" size="sm" mt={4} role="alert">
          {error}
        </Text>
      )}
      <Text id="lock-after-help" size="sm" c="dimmed" mt={4}>
        From 1 to 480 minutes (eight hours); 0 means it never locks by itself.
      </Text>
    </form>
  );
}

export const minutesWords = (n: number): string => (n === 1 ? '1 minute' : `${n} minutes`);

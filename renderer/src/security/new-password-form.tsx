/**
 * A new password, typed twice, for the owner's "Set password…" and, with the current password
 * first, for "Change my password". The services check the rules again (the same as for a new
 * person); what they refuse is said next to the field it is about. Nothing typed is kept once
 * the dialog closes.
 */
import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../api';

export type NewPassword = { current: string; next: string };
type Field = 'current' | 'next' | 'again';
type Errors = Partial<Record<Field, string>>;

export function NewPasswordForm({
  withCurrent,
  submitLabel,
  pending,
  onSubmit,
  onCancel,
}: {
  withCurrent: boolean;
  submitLabel: string;
  pending: boolean;
  /** Resolves when saved; rejects with the services' refusal, shown next to its field. */
  onSubmit: (input: NewPassword) => Promise<unknown>;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<Record<Field, string>>({ current: '', next: '', again: '' });
  const [errors, setErrors] = useState<Errors>({});

  const submit = () => {
    const next: Errors = {
      ...(withCurrent && values.current === '' ? { current: 'Enter your current password.' } : {}),
      ...(values.next === '' ? { next: 'Enter a new password of at least 10 characters.' } : {}),
      ...(values.next !== '' && values.again !== values.next
        ? { again: 'The two new passwords are not the same; type it again.' }
        : {}),
    };
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    onSubmit({ current: values.current, next: values.next }).catch((err: unknown) => {
      const named = err instanceof ApiError ? err.fields[0]?.field : undefined;
      const message = err instanceof Error ? err.message : 'J3490 Desk is not answering. Try again in a moment.';
      // A refusal about the new password (from "users:setPassword" its field is `password`) goes under it.
      const field: Field = named === 'current' ? 'current' : 'next';
      setErrors({ [field]: message });
    });
  };

  const input = (field: Field) => ({
    value: values[field],
    error: errors[field],
    onChange: (e: { currentTarget: { value: string } }) => {
      const typed = e.currentTarget.value;
      setValues((v) => ({ ...v, [field]: typed }));
      setErrors((x) => ({ ...x, [field]: undefined }));
    },
  });

  return (
    <form
      noValidate
      aria-label={submitLabel}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        {withCurrent && (
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            data-autofocus
            {...input('current')}
          />
        )}
        <PasswordInput
          label="New password"
          autoComplete="new-password"
          data-autofocus={withCurrent ? undefined : true}
          {...input('next')}
        />
        <PasswordInput label="New password again" autoComplete="new-password" {...input('again')} />
        <Text size="xs" c="dimmed">
          A password needs at least 10 characters; a short sentence is easy to remember.
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

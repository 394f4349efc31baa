/**
 * A person's name, role and password, for "Turn on accounts" (the first owner: no role to choose)
 * and the owner's "Add a person". The services check every field again; what they refuse is said
 * next to the field it is about.
 */
import { Button, Group, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ROLES, roleWords, type Role } from '../../../shared/domain/roles';
import { ApiError } from '../api';

export type PersonInput = { name: string; role: Role; password: string };
type Errors = Partial<Record<'name' | 'role' | 'password', string>>;

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: roleWords(r) }));

export function PersonForm({
  withRole,
  submitLabel,
  pending,
  onSubmit,
}: {
  withRole: boolean;
  submitLabel: string;
  pending: boolean;
  /** Resolves when saved; rejects with the services' refusal, shown next to its field. */
  onSubmit: (person: PersonInput) => Promise<unknown>;
}) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role | null>(withRole ? null : 'owner');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  const submit = () => {
    const next: Errors = {
      ...(name.trim() === '' ? { name: 'Enter the person’s name.' } : {}),
      ...(role === null ? { role: 'Choose one of the roles.' } : {}),
      ...(password === '' ? { password: 'Enter a password of at least 10 characters.' } : {}),
    };
    setErrors(next);
    if (Object.keys(next).length > 0 || role === null) return;
    onSubmit({ name, role, password }).then(
      () => {
        setName('');
        setRole(withRole ? null : 'owner');
        setPassword('');
      },
      (err: unknown) => {
        const field = err instanceof ApiError ? err.fields[0]?.field : undefined;
        const message = err instanceof Error ? err.message : 'J3490 Desk is not answering. Try again in a moment.';
        const key = field === 'name' || field === 'role' ? field : 'password';
        setErrors({ [key]: message });
      },
    );
  };

  return (
    <form
      noValidate
      aria-label={submitLabel}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap={4}>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label="Name"
            w={190}
            autoComplete="off"
            value={name}
            error={errors.name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setErrors((x) => ({ ...x, name: undefined }));
            }}
          />
          {withRole && (
            <Select
              label="Role"
              w={170}
              data={ROLE_OPTIONS}
              value={role}
              error={errors.role}
              onChange={(v) => {
                setRole(v as Role | null);
                setErrors((x) => ({ ...x, role: undefined }));
              }}
            />
          )}
          <PasswordInput
            label="Password"
            w={190}
            autoComplete="new-password"
            value={password}
            error={errors.password}
            onChange={(e) => {
              setPassword(e.currentTarget.value);
              setErrors((x) => ({ ...x, password: undefined }));
            }}
          />
          <Button type="submit" mt={25} loading={pending}>
            {submitLabel}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          A password needs at least 10 characters; a short sentence is easy to remember.
        </Text>
      </Stack>
    </form>
  );
}

/**
 * The whole window while the practice has accounts and nobody is signed in here: name, password,
 * "Sign in" (Enter submits). A wrong name or password is said under the password field, one
 * sentence for both, and the password is cleared for the next try. On a desk working on a practice
 * server (issue 16) it names the server, with the way back to this desk's own data.
 */
import { Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { SignedInPerson } from '../../../shared/api/auth-channels';
import { ApiError, call } from '../api';
import { ServerLine } from '../network/server-line';
import { GateCard, NOT_ANSWERING } from './gate-card';

type Signed = { token: string; user: SignedInPerson };

export function SignInScreen({ reason, onSignedIn }: { reason: string | null; onSignedIn: (signed: Signed) => void }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ name?: string; password?: string }>({});
  const passwordInput = useRef<HTMLInputElement>(null);

  const signIn = useMutation({
    mutationFn: (typed: { name: string; password: string }) => call('auth:signIn', typed),
    onSuccess: onSignedIn,
    onError: (err) => {
      const field = err instanceof ApiError ? err.fields[0] : undefined;
      const message = err instanceof ApiError ? err.message : NOT_ANSWERING;
      setErrors(field?.field === 'name' ? { name: message } : { password: message });
      setPassword('');
      passwordInput.current?.focus();
    },
  });

  return (
    <GateCard
      label="Sign in to J3490 Desk"
      onSubmit={() => {
        const next = {
          ...(name.trim() === '' ? { name: 'Enter your name as the owner set it up.' } : {}),
          ...(password === '' ? { password: 'Enter your password.' } : {}),
        };
        setErrors(next);
        if (next.name === undefined && next.password === undefined) signIn.mutate({ name, password });
      }}
    >
      <Stack>
        <Title order={2}>Sign in to J3490 Desk</Title>
        <Text size="sm" c="dimmed" data-testid="sign-in-reason">
          {reason ?? 'Each person at the practice signs in with their own name and password.'}
        </Text>
        <ServerLine />
        <TextInput
          label="Name"
          autoFocus
          autoComplete="username"
          value={name}
          error={errors.name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setErrors((x) => ({ ...x, name: undefined }));
          }}
        />
        <PasswordInput
          ref={passwordInput}
          label="Password"
          autoComplete="current-password"
          value={password}
          error={errors.password}
          onChange={(e) => {
            setPassword(e.currentTarget.value);
            setErrors((x) => ({ ...x, password: undefined }));
          }}
        />
        <Button type="submit" loading={signIn.isPending}>
          Sign in
        </Button>
      </Stack>
    </GateCard>
  );
}

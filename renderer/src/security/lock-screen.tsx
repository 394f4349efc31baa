/**
 * The whole window while the app is locked: the practice's name, the passphrase, "Unlock". A
 * wrong passphrase (or too many) is said under the field, which keeps the focus for the next try.
 */
import { Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { SessionStatus } from '../../../shared/api/session-channels';
import { ApiError, call } from '../api';
import { GateCard, NOT_ANSWERING } from './gate-card';

export function LockScreen({
  practiceName,
  onUnlocked,
}: {
  practiceName: string | null;
  onUnlocked: (status: SessionStatus) => void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const unlock = useMutation({
    mutationFn: (typed: string) => call('session:unlock', { passphrase: typed }),
    onSuccess: onUnlocked,
    onError: (err) => {
      setError(err instanceof ApiError ? err.message : NOT_ANSWERING);
      setPassphrase('');
      input.current?.focus();
    },
  });

  return (
    <GateCard
      label="J3490 Desk is locked"
      onSubmit={() => {
        if (passphrase === '') {
          setError('Enter the passphrase.');
          return;
        }
        setError(null);
        unlock.mutate(passphrase);
      }}
    >
      <Stack>
        <div>
          <Title order={2}>J3490 Desk is locked</Title>
          {practiceName && (
            <Text size="lg" mt={4} data-testid="lock-practice-name">
              {practiceName}
            </Text>
          )}
        </div>
        <Text size="sm" c="dimmed">
          It locks after a time without use so that patients’ information stays private. Enter the practice’s passphrase
          to go back to where you were.
        </Text>
        <PasswordInput
          ref={input}
          label="Passphrase"
          autoFocus
          autoComplete="current-password"
          value={passphrase}
          error={error}
          onChange={(e) => {
            setPassphrase(e.currentTarget.value);
            setError(null);
          }}
        />
        <Button type="submit" loading={unlock.isPending}>
          Unlock
        </Button>
      </Stack>
    </GateCard>
  );
}

/**
 * A refusal as the desk reads it: the service's sentence is the message; its code (which support
 * asks for) follows in small dimmed print, never in its place. `data-support-code` marks that
 * print so checks for codes shown as messages can tell the two apart.
 */
import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ApiError } from '../api';

export function SupportCode({ code }: { code: string }) {
  return (
    <Text
      component="span"
      size="xs"
      c="dimmed"
      ml={6}
      style={{ whiteSpace: 'nowrap' }}
      title="Give this code to support if you ask for help"
      data-support-code={code}
    >
      Code for support: {code}
    </Text>
  );
}

/** The sentence of any error, with the support code when the service gave one. */
export function errorWords(err: unknown): ReactNode {
  if (err instanceof ApiError) {
    return (
      <>
        {err.message}
        <SupportCode code={err.code} />
      </>
    );
  }
  return err instanceof Error ? err.message : String(err);
}

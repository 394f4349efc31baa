/**
 * The whole window while the app waits for someone: the lock screen and the sign-in screen.
 * A centred card holding one form; `label` names the page for screen readers.
 */
import { Center, Paper } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';

/** What either screen says when the services do not answer at all. */
export const NOT_ANSWERING = 'J3490 Desk is not answering. Try again in a moment.';

export function GateCard({ label, onSubmit, children }: { label: string; onSubmit: () => void; children: ReactNode }) {
  return (
    <Center
      component="main"
      aria-label={label}
      style={{ minHeight: '100vh', background: 'var(--mantine-color-gray-1)' }}
    >
      <Paper withBorder shadow="sm" p="xl" w={420} maw="calc(100vw - 32px)">
        <form
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            onSubmit();
          }}
        >
          {children}
        </form>
      </Paper>
    </Center>
  );
}

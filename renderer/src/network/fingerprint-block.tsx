/**
 * A certificate fingerprint as people compare it: monospace, four short lines of eight pairs, so
 * the block on the server and the one on a desk line up pair by pair at any window width.
 */
import { Code } from '@mantine/core';
import { fingerprintLines } from './network-words';

export function FingerprintBlock({ fingerprint, label }: { fingerprint: string; label: string }) {
  return (
    <Code
      block
      aria-label={label}
      data-testid="fingerprint"
      style={{ fontSize: 'var(--mantine-font-size-sm)', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
    >
      {fingerprintLines(fingerprint).join('\n')}
    </Code>
  );
}

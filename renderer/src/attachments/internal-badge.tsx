/**
 * The mark every worksheet carries on screen, wherever it can be viewed or saved: internal, never
 * for the payer. Plain text rather than a badge, so it is never cut short to "Internal — no…";
 * it wraps in a narrow table column instead of widening it.
 */
import { Text } from '@mantine/core';
import type { DocumentKind } from '../../../shared/api/document-schemas';
import { INTERNAL_MARK } from './document-words';

export function InternalBadge({ kind }: { kind: DocumentKind }) {
  if (kind !== 'worksheet') return null;
  return (
    <Text
      component="span"
      size="xs"
      fw={700}
      c="red.8"
      style={{ whiteSpace: 'normal', maxWidth: 120, lineHeight: 1.25 }}
      data-testid="internal-badge"
    >
      {INTERNAL_MARK}
    </Text>
  );
}

/**
 * An expected amount as the desk reads it everywhere: the total reimbursement (payer + patient),
 * with the payer's and the patient's parts in small print under it; a dash when there is no estimate.
 */
import { Text } from '@mantine/core';
import { usdRate } from '../invoices/money-text';

export function ExpectedAmount(props: {
  expected: string | null;
  payer: string | null;
  patient: string | null;
  /** Why there is no amount, on hover of the dash. */
  missing: string;
}) {
  if (props.expected === null) {
    return (
      <Text c="dimmed" size="sm" title={props.missing}>
        —
      </Text>
    );
  }
  return (
    <>
      <Text size="sm" data-testid="expected-total">
        {usdRate(props.expected)}
      </Text>
      {props.payer !== null && props.patient !== null && (
        // Two parts that may go onto two lines where a list is short of room, each kept whole.
        <Text size="xs" c="dimmed" data-testid="expected-parts">
          <span style={{ whiteSpace: 'nowrap' }}>payer {usdRate(props.payer)} ·</span>{' '}
          <span style={{ whiteSpace: 'nowrap' }}>patient {usdRate(props.patient)}</span>
        </Text>
      )}
    </>
  );
}

/**
 * An administration's estimate as the service worked it out: the claim lines and the money
 * (the Quick estimate's own view), or why there is none (no contract on the date, no price), and
 * the warnings from resolving the terms that the engine's own result does not already carry.
 * A stored warning about the payer's requirements not being confirmed is left out once the live
 * checklist says they are: it described the payer then, not now, and the money does not depend on it.
 * The code check's warnings are left to its own callout beside the form and on the record's page.
 */
import { Alert, Stack, Text } from '@mantine/core';
import type { Administration } from '../../../shared/domain/administration';
import { isCodeCheckWarning } from '../code-check/code-check-words';
import { EstimateResultView } from '../quick-estimate/estimate-result-view';
import { SupportCode } from '../components/error-words';
import { EstimateWarningAlert } from '../quick-estimate/estimate-warning-alert';

type EstimateParts = Pick<Administration, 'estimate' | 'estimateRefusal' | 'estimateWarnings' | 'readiness'>;

export function EstimatePanel({ value }: { value: EstimateParts }) {
  const own = new Set((value.estimate?.warnings ?? []).map((w) => `${w.code}|${w.message}`));
  const confirmed = value.readiness.items.some((i) => i.key === 'payer-requirements' && i.ok);
  const extra = value.estimateWarnings.filter(
    (w) =>
      !own.has(`${w.code}|${w.message}`) &&
      !(confirmed && w.code === 'PROFILE_NOT_CONFIRMED') &&
      !isCodeCheckWarning(w),
  );
  return (
    <Stack gap="sm" data-testid="estimate-panel">
      {value.estimateRefusal && (
        <Alert color="red" title="No estimate" data-testid="estimate-refusal">
          {value.estimateRefusal.message}
          <SupportCode code={value.estimateRefusal.code} />
        </Alert>
      )}
      {extra.map((w) => (
        <EstimateWarningAlert key={w.code + w.message} warning={w} />
      ))}
      {value.estimate ? (
        <EstimateResultView result={value.estimate} />
      ) : (
        !value.estimateRefusal && (
          <Text size="sm" c="dimmed">
            No estimate computed yet.
          </Text>
        )
      )}
    </Stack>
  );
}

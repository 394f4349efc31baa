/**
 * The preview beside the administration form: what the service says the administration would be
 * if saved now (the lot it draws from, the claim lines and money, the readiness checklist), or
 * what it still needs before it can say.
 */
import { Alert, Group, Loader, Stack, Text } from '@mantine/core';
import type { Administration } from '../../../shared/domain/administration';
import { ApiError } from '../api';
import { EstimatePanel } from './estimate-panel';
import { ReadinessBadge, ReadinessChecklist } from './readiness-checklist';
import { SupportCode } from '../components/error-words';
import { spellField } from '../components/field-words';

/** Labels of the fields, to name the ones the preview leaves out while they do not parse. */
const FIELD_LABELS: Record<string, string> = {
  site: 'Site',
  technique: 'Technique',
  infusionStart: 'Infusion start',
  infusionStop: 'Infusion stop',
  infusionMinutes: 'Infusion duration',
  orderingNpi: 'Ordering provider NPI',
  orderingProviderName: 'Ordering provider',
  renderingNpi: 'Rendering provider NPI',
  renderingProviderName: 'Rendering provider',
  diagnoses: 'ICD-10 diagnoses',
  medicalNecessity: 'Medical necessity',
  physicianNotes: 'Physician notes',
  wastedBilledCharge: 'Billed charge for the waste',
  claimNumber: 'Claim number',
  'modifierOverride.given': 'Override modifiers',
  'modifierOverride.wasted': 'Override modifiers',
  'modifierOverride.reason': 'Override modifiers',
};

export function PreviewBody(props: {
  hasInput: boolean;
  leftOut: string[];
  preview: Omit<Administration, 'id' | 'createdAt' | 'updatedAt'> | undefined;
  error: Error | null;
  fieldErrorsShown: boolean;
  /**
   * Editing, and the preview refused the stock of the administration's own lot: it cannot count
   * this administration's earlier draw as back in the lot (the save does).
   */
}) {
  if (!props.hasInput) {
    return (
      <Text size="sm" c="dimmed" data-testid="preview-waiting">
        Fill in the date of service, patient, payer, drug and lot, dose, route and billed charge: the claim lines, the
        expected payment and what is still missing show here as you type.
      </Text>
    );
  }
  if (props.error) {
    return (
      <Alert color="red" title="No preview" data-testid="preview-error">
        {props.error.message}
        {props.fieldErrorsShown ? ' The field is marked on the left.' : ''}
        {props.error instanceof ApiError && <SupportCode code={props.error.code} />}
      </Alert>
    );
  }
  const p = props.preview;
  if (!p) return <Loader size="sm" aria-label="Loading the preview" />;
  const leftOut = [...new Set(props.leftOut.map((k) => FIELD_LABELS[k] ?? spellField(k)))];
  // The save runs the same validation as this form: a field it would refuse counts as missing
  // here too, so the preview never says "complete" for a record that cannot be saved.
  const items = [
    ...p.readiness.items,
    ...leftOut.map((label) => ({
      key: `invalid:${label}`,
      label,
      ok: false,
      detail: 'Not valid as typed: correct it (the field is marked on the left); saving is refused until then.',
    })),
  ];
  return (
    <Stack gap="md" data-testid="preview">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text size="sm" data-testid="preview-draw">
          Draws {p.givenQuantity} {p.ndcUnit} given
          {p.wastedQuantity !== '0' && p.wastedQuantity !== '' ? ` + ${p.wastedQuantity} ${p.ndcUnit} wasted` : ''} from
          lot <span className="mono">{p.lotNumber}</span> (expires {p.expiryDate}).
        </Text>
        <ReadinessBadge ready={items.every((i) => i.ok)} missing={items.filter((i) => !i.ok).map((i) => i.label)} />
      </Group>
      {leftOut.length > 0 && (
        <Text size="xs" c="orange.8" data-testid="preview-left-out">
          Not valid as typed, so left out of the preview and refused on saving: {leftOut.join(', ')}.
        </Text>
      )}
      <EstimatePanel value={p} />
      <ReadinessChecklist items={items} />
    </Stack>
  );
}

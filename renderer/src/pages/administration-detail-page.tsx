/**
 * One administration: everything recorded for it, the estimate snapshot stored with it (when it
 * was computed; frozen once billed), and the readiness checklist with a quick fix where the fix
 * lives elsewhere (the payer's requirements on the payer's page, the invoice scan on the
 * invoice's page, the rest in Edit). The status actions follow STATUS_STEPS.
 */
import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Administration } from '../../../shared/domain/administration';
import { techniqueText } from '../../../shared/domain/administration-technique';
import { formatNdc542 } from '../../../shared/domain/ndc';
import { usdRate } from '../invoices/money-text';
import { AdministrationActions } from '../administrations/administration-actions';
import { DocumentsCard } from '../attachments/documents-card';
import { EstimatePanel } from '../administrations/estimate-panel';
import { ReadinessBadge, ReadinessChecklist } from '../administrations/readiness-checklist';
import { PaymentsCard } from '../remittances/payments-card';
import { STATUS_COLORS, STATUS_LABELS } from '../administrations/status-words';
import { BackToList, useRecordQuery } from '../components/record-page';
import { administrationRecord } from '../administrations/administration-record';
import { AdministrationCodeCheck } from '../code-check/administration-code-check';
import { localTime } from '../components/local-time';
import { EstimateContract } from '../administrations/estimate-contract';

export function AdministrationDetailPage() {
  const { data: a, fallback } = useRecordQuery(administrationRecord);
  if (!a) return fallback;
  const missing = a.readiness.items.filter((i) => !i.ok).map((i) => i.label);

  return (
    <Stack>
      <BackToList kind={administrationRecord} size="sm" />
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>
            {a.drugName} ·{' '}
            <Anchor component={Link} to={`/patients/${a.patientId}`} inherit title="Open the patient’s record">
              {a.patientName}
            </Anchor>
          </Title>
          <Group gap="xs">
            <Text c="dimmed" size="sm">
              {a.dateOfService} · {a.payerName} · {a.hcpcs}
            </Text>
            <Badge color={STATUS_COLORS[a.status]} variant="light" data-testid="status-badge">
              {STATUS_LABELS[a.status]}
            </Badge>
            {!a.frozen && <ReadinessBadge ready={a.readiness.ready} missing={missing} />}
          </Group>
        </Stack>
        <AdministrationActions administration={a} />
      </Group>
      <AdministrationCodeCheck administration={a} />

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Recorded a={a} />
        <Paper withBorder p="md">
          <ReadinessChecklist items={a.readiness.items} fixes={quickFixes(a)} />
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={4}>Estimate</Title>
            <Text size="xs" c="dimmed" data-testid="estimate-at">
              {a.estimateAt ? `Computed at ${localTime(a.estimateAt)}` : 'Not computed'}
            </Text>
          </Group>
          <EstimateContract payerId={a.payerId} contractId={a.contractId} />
          {a.frozen && (
            <Alert color="blue" variant="light" title="Frozen" data-testid="estimate-frozen">
              Frozen: {STATUS_LABELS[a.status].toLowerCase()}
              {a.claimNumber ? ` (claim ${a.claimNumber})` : ''}. This is what was expected when the claim went out
              {a.estimateAt ? `, as computed at ${localTime(a.estimateAt)}` : ''}; it is no longer recomputed.
            </Alert>
          )}
          {a.estimateStale && (
            <Alert color="yellow" variant="light" title="Out of date" data-testid="estimate-out-of-date">
              Prices, contracts or payer terms changed after this estimate was computed. It stays as it is until you
              recompute it (Recompute estimate, above); it is recomputed by itself when the claim is marked ready to
              bill or billed.
            </Alert>
          )}
          <EstimatePanel value={a} />
        </Stack>
      </Paper>
      <PaymentsCard administration={a} />
      <DocumentsCard administration={a} />
      <Text size="xs" c="dimmed">
        Recorded {localTime(a.createdAt)}
        {a.updatedAt !== a.createdAt ? ` · changed ${localTime(a.updatedAt)}` : ''}
      </Text>
    </Stack>
  );
}

/** Links to where an item is fixed, for items whose fix is not in this administration's form. */
function quickFixes(a: Administration): Partial<Record<string, ReactNode>> {
  const edit = (label: string) =>
    a.frozen ? undefined : (
      <Anchor component={Link} to={`/administrations/${a.id}/edit`} size="xs">
        {label}
      </Anchor>
    );
  return {
    'payer-requirements': (
      <Anchor component={Link} to={`/payers/${a.payerId}`} size="xs">
        Confirm payer requirements
      </Anchor>
    ),
    'invoice-scan': (
      <Anchor component={Link} to={`/invoices/${a.invoiceId}`} size="xs">
        Attach invoice scan
      </Anchor>
    ),
    'acquisition-cost': (
      <Anchor component={Link} to={`/invoices/${a.invoiceId}`} size="xs">
        Open the invoice
      </Anchor>
    ),
    'medical-necessity': edit('Add diagnoses and rationale'),
    'physician-notes': edit('Add physician notes'),
    providers: edit('Enter the NPIs'),
    technique: edit('Choose the technique'),
    route: edit('Choose the route'),
    dose: edit('Enter the dose'),
  };
}

function Field(props: { label: string; children: ReactNode; mono?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text size="sm" className={props.mono ? 'mono' : undefined} style={{ whiteSpace: 'pre-wrap' }}>
        {props.children === '' || props.children === null ? (
          <Text span c="dimmed" size="sm">
            —
          </Text>
        ) : (
          props.children
        )}
      </Text>
    </div>
  );
}

/** "Jane Roe, MD · NPI 1234567893"; '' (shown as a dash) when neither was recorded. */
function provider(name: string, npi: string): ReactNode {
  if (name === '' && npi === '') return '';
  return (
    <>
      {name}
      {name && npi ? ' · ' : ''}
      {npi && <span className="mono">NPI {npi}</span>}
    </>
  );
}

function Recorded({ a }: { a: Administration }) {
  const wasted = a.wastedAmount !== '' && !/^0*(\.0*)?$/.test(a.wastedAmount);
  return (
    <Paper withBorder p="md" data-testid="administration-fields">
      <Stack gap="sm">
        <Title order={4}>Recorded</Title>
        <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm" verticalSpacing="xs">
          <Field label="Date of service">{a.dateOfService}</Field>
          <Field label="Patient">
            <Anchor component={Link} to={`/patients/${a.patientId}`} size="sm">
              {a.patientName}
            </Anchor>
          </Field>
          <Field label="Payer">
            <Anchor component={Link} to={`/payers/${a.payerId}`} size="sm">
              {a.payerName}
            </Anchor>
          </Field>
          <Field label="Drug">{a.drugName}</Field>
          <Field label="NDC" mono>
            {formatNdc542(a.ndc11)}
          </Field>
          <Field label="Lot">
            <Anchor component={Link} to={`/invoices/${a.invoiceId}`} size="sm" className="mono">
              {a.lotNumber}
            </Anchor>{' '}
            <Text span size="xs" c="dimmed">
              expires {a.expiryDate}
            </Text>
          </Field>
          <Field label="Dose given">
            {a.dose.amount} {a.dose.unit}{' '}
            <Text span size="xs" c="dimmed">
              = {a.givenQuantity} {a.ndcUnit}
            </Text>
          </Field>
          <Field label="Amount wasted">
            {wasted ? (
              <>
                {a.wastedAmount} {a.dose.unit}{' '}
                <Text span size="xs" c="dimmed">
                  = {a.wastedQuantity} {a.ndcUnit}
                </Text>
              </>
            ) : (
              'None'
            )}
          </Field>
          <Field label="Route / site">
            {a.route}
            {a.site ? ` · ${a.site}` : ''}
          </Field>
          <Field label="Technique">{techniqueText(a)}</Field>
          <Field label="HCPCS">{a.hcpcs}</Field>
          <Field label="Ordering provider">{provider(a.orderingProviderName, a.orderingNpi)}</Field>
          <Field label="Rendering provider">{provider(a.renderingProviderName, a.renderingNpi)}</Field>
          <Field label="ICD-10 diagnoses" mono>
            {a.diagnoses.join(', ')}
          </Field>
          <Field label="Billed charge">{usdRate(a.billedCharge)}</Field>
          <Field label="Billed charge for the waste">{a.wastedBilledCharge ? usdRate(a.wastedBilledCharge) : ''}</Field>
          <Field label="Claim number" mono>
            {a.claimNumber}
          </Field>
        </SimpleGrid>
        <Field label="Medical necessity">{a.medicalNecessity}</Field>
        <Field label="Physician notes">{a.physicianNotes}</Field>
        {a.modifierOverride && (
          <Field label="Modifiers overridden">
            Given: {a.modifierOverride.given.join(' ') || 'none'} · wasted:{' '}
            {a.modifierOverride.wasted.join(' ') || 'none'} — {a.modifierOverride.reason}
          </Field>
        )}
      </Stack>
    </Paper>
  );
}

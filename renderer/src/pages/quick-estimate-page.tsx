/**
 * Quick estimate: type or pick a drug, the dose, prices and contract terms; the claim lines, the
 * money and the trace update as you type. Computed in the page with the same shared engine the
 * services and the CLI use, so what you see here is what `j3490 estimate` prints.
 */
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ROUTES } from '../../../shared/domain/drug-catalog';
import { estimate } from '../../../shared/domain/estimate';
import { isNocCode, PRACTICE_NOC_CODES } from '../../../shared/domain/hcpcs';
import { BASES } from '../../../shared/domain/methodology';
import { scenarioSchema } from '../../../shared/domain/scenario';
import { CONTAINERS } from '../../../shared/domain/waste';
import { DOSE_UNITS, NDC_UNITS } from '../../../shared/domain/units';
import { call } from '../api';
import type { Terms } from '../../../shared/api/resolution-schemas';
import { fieldsFromTerms } from '../quick-estimate/terms-fields';
import { termsInWords } from '../payers/contract-words';
import { parseNdc } from '../../../shared/domain/ndc';
import { isIsoDate } from '../../../shared/domain/iso-date';
import { readDateText } from '../../../shared/domain/typed-input';
import { DateField } from '../components/date-field';
import { todayIso } from '../components/today';
import { usdFromFixed } from '../../../shared/domain/money';
import { EstimateResultView } from '../quick-estimate/estimate-result-view';
import { isCodeCheckWarning } from '../code-check/code-check-words';
import { LiveCodeCheck } from '../code-check/live-code-check';
import { codeCheckArgs } from '../code-check/code-check-args';
import { billingUnitInDoseUnit } from '../code-check/specific-code-unit';
import {
  EXAMPLE_FIELDS,
  fieldForPath,
  fieldsFromDrug,
  scenarioFromFields,
  type Fields,
} from '../quick-estimate/scenario-fields';
import { SupportCode } from '../components/error-words';
import { spellField } from '../components/field-words';

const LABELS: Record<string, string> = {
  dateOfService: 'Date of service',
  hcpcs: 'HCPCS',
  'drug.ndc': 'NDC',
  'drug.name': 'Drug name',
  'drug.packageSize': 'Package size',
  'drug.strength.amount': 'Strength',
  'dose.amount': 'Dose given',
  route: 'Route',
  billedCharge: 'Billed charge',
  'contract.percent': 'Percent of basis',
  'contract.coinsurancePercent': 'Coinsurance',
  'drug.ndcUnit': 'NDC unit',
};

export function QuickEstimatePage() {
  const [fields, setFields] = useState<Fields>({
    ...EXAMPLE_FIELDS,
    // Today on this computer's calendar (UTC's date can already be tomorrow in the evening).
    dateOfService: todayIso(),
  });
  const [drugSearch, setDrugSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(drugSearch, 150);
  const drugs = useQuery({
    queryKey: ['drugs', 'picker', debouncedSearch],
    queryFn: () => call('drugs:list', { search: debouncedSearch, limit: 50 }),
  });

  const set = (name: string, value: string) => setFields((f) => ({ ...f, [name]: value }));

  // With a payer chosen, the contract, prices and payer rules in force on the date fill the form.
  const [payerId, setPayerId] = useState<string | null>(null);
  const payers = useQuery({ queryKey: ['payers'], queryFn: () => call('payers:list', {}) });
  const ndc = parseNdc(fields['drug.ndc'] ?? '');
  // The date as typed ("03/15/2024" or "2024-03-15"); the estimate reads it as the ISO date.
  const typedDos = fields.dateOfService ?? '';
  const readDos = readDateText(typedDos, 'Date of service');
  const dos = readDos.ok ? readDos.date : typedDos;
  const hcpcs = fields.hcpcs ?? 'J3490';
  const termsKey =
    payerId && ndc.ok && isIsoDate(dos)
      ? { payerId: Number(payerId), ndc: ndc.ndc11, dateOfService: dos, hcpcs }
      : null;
  const terms = useQuery({
    queryKey: ['terms', termsKey],
    queryFn: () => call('resolve:terms', termsKey as NonNullable<typeof termsKey>),
    enabled: termsKey !== null,
  });
  const doseUnitForTerms = fields['dose.unit'] ?? 'mg';
  // Refill only when new terms arrive (React's "adjust state when data changes" pattern), so edits
  // made afterwards for a what-if stay until the payer, drug or date changes again.
  const [appliedTerms, setAppliedTerms] = useState<typeof terms.data>(undefined);
  if (termsKey && terms.data && terms.data !== appliedTerms) {
    setAppliedTerms(terms.data);
    setFields((f) => ({
      ...f,
      ...fieldsFromTerms(terms.data, doseUnitForTerms),
      // A specific code's own billing unit sets the units (as the services price it), not the
      // payer's rule for NOC codes.
      ...(!isNocCode(f.hcpcs ?? '') && f['billingUnit.amount']
        ? { 'billingUnit.amount': f['billingUnit.amount'] }
        : {}),
    }));
  }

  const outcome = useMemo(() => {
    const parsed = scenarioSchema.safeParse(scenarioFromFields({ ...fields, dateOfService: dos }));
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = fieldForPath(issue.path.map(String).join('.'));
        if (!(key in errors)) errors[key] = issue.message;
      }
      return { kind: 'invalid' as const, errors };
    }
    const result = estimate(parsed.data);
    return result.ok ? { kind: 'ok' as const, result } : { kind: 'refused' as const, error: result.error };
  }, [fields, dos]);

  const errors = outcome.kind === 'invalid' ? outcome.errors : {};
  // An empty required field is "still needed", not an error shouted at someone who hasn't typed yet.
  const errorFor = (name: string) => ((fields[name] ?? '').trim() !== '' ? errors[name] : undefined);
  const missing = Object.keys(errors).filter((k) => (fields[k] ?? '').trim() === '');
  const text = (name: string, label: string, extra: { placeholder?: string; description?: string } = {}) => (
    <TextInput
      label={label}
      value={fields[name] ?? ''}
      error={errorFor(name)}
      onChange={(e) => set(name, e.currentTarget.value)}
      {...extra}
    />
  );
  const choice = (name: string, label: string, data: readonly string[]) => (
    <Select
      label={label}
      allowDeselect={false}
      data={[...data]}
      value={fields[name] || null}
      error={errorFor(name)}
      onChange={(v) => set(name, v ?? '')}
    />
  );
  const doseUnit = fields['dose.unit'] ?? 'mg';
  const codeArgs = codeCheckArgs({
    ndc: ndc.ok ? ndc.ndc11 : null,
    date: dos,
    hcpcs,
    doseAmount: fields['dose.amount'] ?? '',
    doseUnit,
  });
  const ndcUnit = fields['drug.ndcUnit'] ?? 'ML';

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Quick estimate</Title>
        <Button variant="default" onClick={() => setFields({ ...EXAMPLE_FIELDS })}>
          Load the worked example
        </Button>
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="sm">
            <Card withBorder>
              <Title order={5} mb="xs">
                Service
              </Title>
              <SimpleGrid cols={2}>
                <DateField
                  label="Date of service"
                  value={typedDos}
                  error={typedDos.trim() !== '' && !readDos.ok ? readDos.error.message : errorFor('dateOfService')}
                  onChange={(v) => set('dateOfService', v)}
                />
                {choice('hcpcs', 'HCPCS', [...new Set<string>([...PRACTICE_NOC_CODES, hcpcs])])}
              </SimpleGrid>
              <Select
                mt="xs"
                label="Payer"
                placeholder={
                  payers.data?.length ? 'Fill terms from a payer on file' : 'No payers yet: enter terms below'
                }
                clearable
                data={(payers.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
                value={payerId}
                onChange={setPayerId}
              />
              {payerId && !termsKey && (
                <Text size="sm" c="dimmed" mt={4}>
                  Enter a valid NDC and date of service to look up this payer’s terms.
                </Text>
              )}
              {termsKey && terms.data && (
                <Stack gap={4} mt="xs" data-testid="terms-in-force">
                  {terms.data.contract && (
                    <Text size="sm">
                      In force on {dos}: <b>{termsInWords(terms.data.contract)}</b>
                      {terms.data.contract.label ? ` (“${terms.data.contract.label}”)` : ''}, from{' '}
                      {terms.data.contract.effectiveFrom} to {terms.data.contract.effectiveTo ?? 'open'}
                      {terms.data.prices.awp
                        ? `; AWP ${usdFromFixed(terms.data.prices.awp.pricePerPackage)} from ${terms.data.prices.awp.effectiveFrom}`
                        : ''}
                      {terms.data.prices.wac
                        ? `; WAC ${usdFromFixed(terms.data.prices.wac.pricePerPackage)} from ${terms.data.prices.wac.effectiveFrom}`
                        : ''}
                      .
                    </Text>
                  )}
                  {terms.data.warnings
                    .filter((w) => !isCodeCheckWarning(w))
                    .map((w) => (
                      <Alert
                        key={w.code + w.message}
                        color={w.code === 'NO_CONTRACT' ? 'red' : 'yellow'}
                        p="xs"
                        data-testid="terms-warning"
                      >
                        {w.message}
                      </Alert>
                    ))}
                </Stack>
              )}
              {termsKey && terms.error && (
                <Alert color="red" p="xs" mt="xs">
                  {(terms.error as Error).message}
                </Alert>
              )}
            </Card>
            <Card withBorder>
              <Title order={5} mb="xs">
                Drug
              </Title>
              <Select
                label="Pick from the catalog"
                placeholder={
                  drugs.data?.total ? 'Search by NDC or name' : 'No drugs in the catalog yet: type them below'
                }
                searchable
                clearable
                searchValue={drugSearch}
                onSearchChange={setDrugSearch}
                data={(drugs.data?.rows ?? []).map((d) => ({
                  value: String(d.id),
                  label: `${d.genericName}${d.brandName ? ` (${d.brandName})` : ''} · ${d.ndc11}`,
                }))}
                onChange={(id) => {
                  const d = drugs.data?.rows.find((r) => String(r.id) === id);
                  if (d) setFields((f) => ({ ...f, ...fieldsFromDrug(d) }));
                }}
                mb="xs"
              />
              <SimpleGrid cols={2}>
                {text('drug.ndc', 'NDC')}
                {text('drug.name', 'Drug name')}
                {text('drug.brandName', 'Brand name')}
                {choice('drug.container', 'Container', CONTAINERS)}
                {choice('drug.ndcUnit', 'NDC unit', NDC_UNITS)}
                {text('drug.packageSize', `Package size (${ndcUnit})`)}
                {text('drug.strength.amount', `Strength per ${ndcUnit}`)}
                {choice('drug.strength.unit', 'Strength unit', DOSE_UNITS)}
              </SimpleGrid>
            </Card>
            <Card withBorder>
              <Title order={5} mb="xs">
                Administration
              </Title>
              <SimpleGrid cols={3}>
                {text('dose.amount', 'Dose given')}
                {choice('dose.unit', 'Dose unit', DOSE_UNITS)}
                {choice('route', 'Route', ROUTES)}
                {text('wasted.amount', `Discarded (${doseUnit})`, { placeholder: '0' })}
                {text('billingUnit.amount', `Billing unit (${doseUnit})`, { placeholder: '1 unit per line' })}
              </SimpleGrid>
            </Card>
            <Card withBorder>
              <Title order={5} mb="xs">
                Prices and charges
              </Title>
              <SimpleGrid cols={2}>
                {text('prices.awpPerPackage', 'AWP per package')}
                {text('prices.wacPerPackage', 'WAC per package')}
                {text('prices.acquisitionPerPackage', 'Acquisition cost per package', {
                  description: acquisitionSource(appliedTerms, fields['prices.acquisitionPerPackage'] ?? ''),
                })}
                {text('prices.paymentLimit.amount', 'CMS payment limit')}
                {text('prices.paymentLimit.per.amount', 'Payment limit per')}
                {choice('prices.paymentLimit.per.unit', 'Payment limit unit', DOSE_UNITS)}
                {text('billedCharge', 'Billed charge (given line)')}
                {text('wastedBilledCharge', 'Billed charge (discarded line)', { placeholder: 'pro rata' })}
              </SimpleGrid>
            </Card>
            <Card withBorder>
              <Title order={5} mb="xs">
                Contract
              </Title>
              <SimpleGrid cols={2}>
                {choice('contract.basis', 'Basis', BASES)}
                {text('contract.percent', 'Percent of basis', { description: 'AWP − 5% → 95; WAC + 3% → 103' })}
                {text('contract.addOn', 'Flat add-on', { placeholder: '0.00' })}
                {text('contract.coinsurancePercent', 'Coinsurance %')}
                {text('contract.deductibleRemaining', 'Deductible remaining', { placeholder: '0.00' })}
                {choice('contract.sequestration', 'Sequestration', ['medicare', 'none'])}
                {text('contract.feeSchedule.rate', 'Fee schedule rate')}
                {text('contract.feeSchedule.per.amount', 'Rate per')}
                {choice('contract.feeSchedule.per.unit', 'Rate unit', DOSE_UNITS)}
              </SimpleGrid>
              <Checkbox
                mt="sm"
                label="Pays the lesser of billed charge and the contract amount"
                checked={fields['contract.lesserOfBilled'] === 'true'}
                onChange={(e) => set('contract.lesserOfBilled', e.currentTarget.checked ? 'true' : 'false')}
              />
              <MultiSelect
                mt="sm"
                label="NDC units the payer accepts"
                data={[...NDC_UNITS]}
                value={(fields['payerProfile.ndcUnits'] ?? '').split(',').filter(Boolean)}
                error={errors['payerProfile.ndcUnits']}
                onChange={(v) => set('payerProfile.ndcUnits', v.join(','))}
              />
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Card withBorder>
            <Title order={4} mb="sm">
              Expected reimbursement
            </Title>
            <LiveCodeCheck
              mb="md"
              args={codeArgs}
              onUse={(code) =>
                setFields((f) => ({
                  ...f,
                  hcpcs: code.hcpcs,
                  // The code's billing unit in the dose's unit (J0225: 1 mg), so the lines take its units.
                  'billingUnit.amount': billingUnitInDoseUnit(code.billingUnit, f['dose.unit'] ?? '') ?? '',
                }))
              }
            />
            {outcome.kind === 'ok' && <EstimateResultView result={outcome.result} />}
            {outcome.kind === 'refused' && (
              <Alert color="red" title="No estimate for these figures" data-testid="estimate-refused">
                {outcome.error.message}
                <SupportCode code={outcome.error.code} />
              </Alert>
            )}
            {outcome.kind === 'invalid' && (
              <Stack gap="xs" data-testid="estimate-incomplete">
                {missing.length > 0 && (
                  <Text>Still needed: {missing.map((k) => LABELS[k] ?? spellField(k)).join(', ')}.</Text>
                )}
                {Object.keys(errors).length > missing.length && (
                  <Text c="red">Fix the fields marked in red to see the estimate.</Text>
                )}
              </Stack>
            )}
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** Where the acquisition cost shown came from, when the payer's terms filled it in and it is unchanged. */
function acquisitionSource(terms: Terms | undefined, shown: string): string | undefined {
  const a = terms?.acquisition;
  if (!terms) return undefined;
  if (!a) return 'No invoice of this NDC received by the date of service: type the cost.';
  if (a.netCostPerPackage !== shown.trim()) return undefined;
  return `Net cost on invoice ${a.invoiceNumber} (${a.supplierName}, ${a.invoiceDate}), lot ${a.lotNumber}`;
}

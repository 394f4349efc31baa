/**
 * "Check an NDC": whether a specific HCPCS code covers an NDC on a date of service (so J3490 or
 * another NOC code would be wrong), how many of its units a dose is, and anything else the
 * reference data says about the code billed. The same check the administration form runs.
 */
import { Alert, Button, Card, Group, List, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { CodeCheckView, SpecificCodeView } from '../../../shared/api/reference-channels';
import { isNocCode } from '../../../shared/domain/hcpcs';
import { formatNdc542 } from '../../../shared/domain/ndc';
import { DOSE_UNITS, type DoseUnit } from '../../../shared/domain/units';
import { readDateText } from '../../../shared/domain/typed-input';
import { ApiError, call } from '../api';
import { DateField } from '../components/date-field';
import { todayIso } from '../components/today';
import { SupportCode } from '../components/error-words';

type Fields = { ndc: string; date: string; hcpcs: string; amount: string; unit: DoseUnit };
type FieldName = keyof Fields;

/** The contract's field paths → this form's fields. */
const FIELD_OF: Record<string, FieldName> = {
  ndc: 'ndc',
  date: 'date',
  hcpcs: 'hcpcs',
  'dose.amount': 'amount',
  'dose.unit': 'unit',
};

/** A date typed the US way is checked as the ISO date it reads as; other text goes as typed, for the service to name. */
const dateOf = (text: string): string => {
  const r = readDateText(text, 'Date of service');
  return r.ok ? r.date : text.trim();
};

export function NdcCheck() {
  const [fields, setFields] = useState<Fields>({ ndc: '', date: todayIso(), hcpcs: 'J3490', amount: '', unit: 'mg' });
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const set = (name: FieldName, value: string) => {
    setFields((f) => ({ ...f, [name]: value }));
    setErrors((e) => ({ ...e, [name]: undefined }));
  };

  const check = useMutation({
    mutationFn: (f: Fields) =>
      call('reference:check', {
        ndc: f.ndc,
        date: dateOf(f.date),
        hcpcs: f.hcpcs,
        ...(f.amount.trim() !== '' ? { dose: { amount: f.amount.trim(), unit: f.unit } } : {}),
      }),
    onError: (err) => {
      const next: Partial<Record<FieldName, string>> = {};
      if (err instanceof ApiError && err.fields.length > 0) {
        for (const issue of err.fields) next[FIELD_OF[issue.field] ?? 'ndc'] ??= issue.message;
      } else if (err instanceof ApiError && err.code.startsWith('NDC')) {
        // The NDC could not be read or told apart: the sentence belongs under the NDC.
        next.ndc = err.message;
      }
      setErrors(next);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<FieldName, string>> = {};
    if (fields.ndc.trim() === '') found.ndc = 'Enter the NDC.';
    if (fields.date.trim() === '') found.date = 'Enter the date of service.';
    if (fields.amount.trim() !== '' && !/^\d+(\.\d+)?$/.test(fields.amount.trim())) {
      found.amount = 'Write the dose as a plain number, such as 30 or 2.5.';
    }
    setErrors(found);
    if (Object.keys(found).length === 0) check.mutate(fields);
  };

  const fieldErrors = Object.keys(errors).some((k) => errors[k as FieldName]);
  return (
    <Card withBorder>
      <form noValidate aria-label="Check an NDC" onSubmit={submit}>
        <Stack>
          <Text size="sm" c="dimmed" maw={760}>
            Before billing a drug under J3490 or another unlisted-drug code, check that no code of its own covers it on
            the date of service.
          </Text>
          <Group align="flex-start" gap="md">
            <TextInput
              label="NDC"
              required
              placeholder="As printed on the package"
              w={220}
              value={fields.ndc}
              error={errors.ndc}
              onChange={(e) => set('ndc', e.currentTarget.value)}
            />
            <DateField
              label="Date of service"
              required
              w={170}
              value={fields.date}
              error={errors.date}
              onChange={(t) => set('date', t)}
            />
            <TextInput
              label="HCPCS code billed"
              w={160}
              value={fields.hcpcs}
              error={errors.hcpcs}
              onChange={(e) => set('hcpcs', e.currentTarget.value)}
            />
            <TextInput
              label="Dose given (optional)"
              placeholder="Amount"
              w={190}
              value={fields.amount}
              error={errors.amount}
              onChange={(e) => set('amount', e.currentTarget.value)}
            />
            <NativeSelect
              label="Dose unit"
              w={110}
              data={[...DOSE_UNITS]}
              value={fields.unit}
              error={errors.unit}
              onChange={(e) => set('unit', e.currentTarget.value)}
            />
          </Group>
          <Group>
            <Button type="submit" loading={check.isPending}>
              Check
            </Button>
          </Group>
          {check.isError && !fieldErrors && (
            <Alert color="red" title="The check could not be run">
              {check.error.message}
              {check.error instanceof ApiError && <SupportCode code={check.error.code} />}
            </Alert>
          )}
          {check.isSuccess && <CheckResult result={check.data} />}
        </Stack>
      </form>
    </Card>
  );
}

function CheckResult({ result: r }: { result: CodeCheckView }) {
  const noc = isNocCode(r.hcpcs);
  return (
    <Stack gap="sm" data-testid="ndc-check-result">
      <Text size="sm">
        NDC <b>{formatNdc542(r.ndc11)}</b> on <b>{r.date}</b>, billed as <b>{r.hcpcs}</b>:
      </Text>
      {r.specificCode ? (
        <Card withBorder bg="orange.0" data-testid="ndc-check-specific">
          <Title order={4} mb={6}>
            It has its own code: {r.specificCode.hcpcs}
          </Title>
          <CodeFacts code={r.specificCode} />
        </Card>
      ) : noc ? (
        <Text fw={600} data-testid="ndc-check-none">
          No specific code covers this NDC on that date.
        </Text>
      ) : (
        <Text size="sm" data-testid="ndc-check-not-noc">
          {r.hcpcs} is not an unlisted-drug code, so no other code was looked for; what the code set on file says of it
          is below.
        </Text>
      )}
      {r.upcoming && (
        <Card withBorder data-testid="ndc-check-upcoming">
          <Title order={4} mb={6}>
            Coming: {r.upcoming.hcpcs}, from {r.upcoming.effectiveFrom}
          </Title>
          <Text size="sm" mb={6}>
            Until then {r.hcpcs} is right for this NDC; from that date of service bill {r.upcoming.hcpcs}.
          </Text>
          <CodeFacts code={r.upcoming} />
        </Card>
      )}
      {r.warnings.length > 0 ? (
        <Alert color="yellow" title="What to know" data-testid="ndc-check-warnings">
          <List size="sm" spacing={4}>
            {r.warnings.map((w, i) => (
              <List.Item key={i}>
                {w.message}
                <SupportCode code={w.code} />
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          Nothing else to report.
        </Text>
      )}
    </Stack>
  );
}

function CodeFacts({ code: c }: { code: SpecificCodeView }) {
  const rows: [string, string][] = [
    ['Code', c.hcpcs],
    ['Description', c.descriptor],
    [
      'Effective from',
      c.effectiveFromConfirmed ? c.effectiveFrom : `${c.effectiveFrom} (not yet confirmed by a CMS file on record)`,
    ],
    ['Billed per', c.billingUnit],
    ...(c.unitsForDose !== null ? ([['Units for this dose', c.unitsForDose]] as [string, string][]) : []),
    ['Source', c.source],
  ];
  return (
    <Table variant="vertical" withTableBorder={false} verticalSpacing={4} fz="sm" aria-label={`${c.hcpcs} details`}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={170}>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

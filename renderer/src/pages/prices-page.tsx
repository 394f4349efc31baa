/**
 * Prices: a drug's AWP/WAC history and the CMS payment limits found for it; the CMS payment
 * limits table; and the imports (price files, CMS ASP and NOC pricing files).
 */
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ImportKind } from '../../../shared/api/import-schemas';
import type { Drug } from '../../../shared/domain/drug-catalog';
import { ImportWizard } from '../imports/import-wizard';
import { DrugPicker } from '../prices/drug-picker';
import { PaymentLimitsTable } from '../prices/payment-limits-table';
import { PriceHistory } from '../prices/price-history';

const IMPORTS: { kind: ImportKind; button: string; title: string }[] = [
  { kind: 'prices', button: 'Import prices (CSV/XLSX)', title: 'Import AWP / WAC prices' },
  { kind: 'cms-asp', button: 'Import CMS ASP pricing file', title: 'Import the CMS ASP pricing file' },
  { kind: 'cms-noc', button: 'Import CMS NOC pricing file', title: 'Import the CMS NOC pricing file' },
];

export function PricesPage() {
  const [drug, setDrug] = useState<Drug | null>(null);
  const [importing, setImporting] = useState<ImportKind | null>(null);
  const current = IMPORTS.find((i) => i.kind === importing);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Prices</Title>
        <Group gap="xs">
          {IMPORTS.map((i) => (
            <Button key={i.kind} variant="light" onClick={() => setImporting(i.kind)}>
              {i.button}
            </Button>
          ))}
        </Group>
      </Group>
      <Text size="sm" c="dimmed" maw={760}>
        AWP and WAC are per package, each in force from its date until the next one of its type. CMS payment limits are
        per HCPCS dosage for a quarter and already include ASP + 6%.
      </Text>

      <Title order={3}>Drug prices</Title>
      <DrugPicker value={drug} onChange={setDrug} />
      {drug && <PriceHistory key={drug.id} drug={drug} />}

      <Title order={3} mt="md">
        CMS payment limits
      </Title>
      <PaymentLimitsTable />

      <ImportWizard
        opened={current !== undefined}
        kind={current?.kind ?? 'prices'}
        title={current?.title ?? ''}
        onClose={() => setImporting(null)}
      />
    </Stack>
  );
}

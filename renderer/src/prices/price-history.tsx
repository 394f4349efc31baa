/**
 * One drug's AWP and WAC history (newest first, each in force until the next of its type) with
 * the CMS payment limits found for it; add a price, correct one, delete one (confirmed).
 */
import { Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Drug } from '../../../shared/domain/drug-catalog';
import type { DrugPrice, DrugPriceInput } from '../../../shared/domain/drug-price';
import { Dec } from '../../../shared/domain/money';
import { formatNdc542 } from '../../../shared/domain/ndc';
import { call } from '../api';
import { usdAmount } from '../payers/contract-words';
import { PaymentLimitRows } from './payment-limits-table';
import { PriceForm } from './price-form';
import { ConfirmDeleteModal } from '../components/confirm-delete-modal';
import { RecordFormModal } from '../components/record-form-modal';
import { RowActions } from '../components/row-actions';

/** Price per NDC unit, for comparing packages; shown to 5 decimals at most. */
function perUnit(price: string, packageSize: string): string {
  try {
    return usdAmount(new Dec(price).dividedBy(packageSize).toDecimalPlaces(5).toFixed());
  } catch {
    return '';
  }
}

export function PriceHistory({ drug }: { drug: Drug }) {
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<DrugPrice | null>(null);
  const [deleting, setDeleting] = useState<DrugPrice | null>(null);
  const history = useQuery({
    queryKey: ['prices', drug.ndc11],
    queryFn: () => call('prices:history', { ndc: drug.ndc11 }),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['prices', drug.ndc11] });
  // After RECORD_CHANGED: the price as stored now, into the form (keyed by its version).
  const reloadPrice = async (id: number) => {
    await queryClient.refetchQueries({ queryKey: ['prices', drug.ndc11], exact: true });
    const prices = queryClient.getQueryData<{ prices: DrugPrice[] }>(['prices', drug.ndc11])?.prices ?? [];
    const fresh = prices.find((p) => p.id === id);
    if (!fresh) throw new Error('This price was deleted by someone else.');
    setEditing(fresh);
  };
  const packageText = `${drug.packageSize} ${drug.ndcUnit}`;

  const create = useMutation({
    mutationFn: ({ input }: { input: DrugPriceInput; showError: (e: unknown) => void }) => call('prices:create', input),
    onSuccess: (p) => {
      notifications.show({
        color: 'teal',
        title: 'Price added',
        message: `${p.priceType} ${usdAmount(p.pricePerPackage)} per package from ${p.effectiveFrom}`,
      });
      setAdding(false);
      void refresh();
    },
    onError: (err, { showError }) => showError(err),
  });
  const update = useMutation({
    mutationFn: ({ price, input }: { price: DrugPrice; input: DrugPriceInput; showError: (e: unknown) => void }) =>
      call('prices:update', { ...input, id: price.id, version: price.version }),
    onSuccess: (p) => {
      notifications.show({
        color: 'teal',
        title: 'Price changed',
        message: `${p.priceType} ${usdAmount(p.pricePerPackage)} per package from ${p.effectiveFrom}`,
      });
      setEditing(null);
      void refresh();
    },
    onError: (err, { showError }) => showError(err),
  });
  const remove = useMutation({
    mutationFn: (p: DrugPrice) => call('prices:delete', { id: p.id }),
    onSuccess: (p) => {
      setDeleting(null);
      notifications.show({
        color: 'gray',
        title: 'Price deleted',
        message: `${p.priceType} from ${p.effectiveFrom} was removed.`,
      });
      void refresh();
    },
    onError: (err) => notifications.show({ color: 'red', title: 'Not deleted', message: (err as Error).message }),
  });

  const prices = history.data?.prices ?? [];
  const limits = history.data?.paymentLimits ?? [];
  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <div>
            <Title order={4}>
              {drug.genericName}
              {drug.brandName ? ` (${drug.brandName})` : ''}
            </Title>
            <Text size="sm" c="dimmed">
              NDC <span className="mono">{formatNdc542(drug.ndc11)}</span> · package {packageText} ·{' '}
              {drug.strengthAmount} {drug.strengthUnit} per {drug.ndcUnit}
            </Text>
          </div>
          <Button onClick={() => setAdding(true)}>Add price</Button>
        </Group>
        {history.isError && <Text c="red">{history.error.message}</Text>}
        {history.isSuccess && prices.length === 0 ? (
          <Text c="dimmed" data-testid="prices-empty">
            No AWP or WAC for this drug yet. Add one with “Add price”, or import a price file.
          </Text>
        ) : (
          <Table striped aria-label="Price history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Type</Table.Th>
                <Table.Th>Per package</Table.Th>
                <Table.Th>Per {drug.ndcUnit}</Table.Th>
                <Table.Th>Effective</Table.Th>
                <Table.Th>Source</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {prices.map((p) => (
                <Table.Tr key={p.id} data-testid="price-row">
                  <Table.Td>{p.priceType}</Table.Td>
                  <Table.Td>{usdAmount(p.pricePerPackage)}</Table.Td>
                  <Table.Td>{perUnit(p.pricePerPackage, drug.packageSize)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {p.effectiveFrom} – {p.effectiveTo ?? 'open'}
                  </Table.Td>
                  <Table.Td>{p.source}</Table.Td>
                  <Table.Td>
                    <RowActions
                      name={`${p.priceType} from ${p.effectiveFrom}`}
                      onEdit={() => setEditing(p)}
                      onDelete={() => setDeleting(p)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Title order={5}>CMS payment limits for this drug</Title>
        {history.isSuccess && limits.length === 0 ? (
          <Text c="dimmed" size="sm" data-testid="drug-limits-empty">
            None found in the imported CMS pricing files.
          </Text>
        ) : (
          <PaymentLimitRows rows={limits} />
        )}
      </Stack>

      <RecordFormModal
        record={adding}
        onClose={() => setAdding(false)}
        title={`Add price: ${drug.genericName}`}
        size="lg"
      >
        {() => (
          <PriceForm
            ndc={formatNdc542(drug.ndc11)}
            packageText={packageText}
            busy={create.isPending}
            onCancel={() => setAdding(false)}
            onSubmit={(input, showError) => create.mutate({ input, showError })}
          />
        )}
      </RecordFormModal>
      <RecordFormModal
        record={editing}
        onClose={() => setEditing(null)}
        title={`Change price: ${drug.genericName}`}
        size="lg"
      >
        {(price) => (
          <PriceForm
            key={price.version}
            ndc={formatNdc542(drug.ndc11)}
            packageText={packageText}
            price={price}
            busy={update.isPending}
            onCancel={() => setEditing(null)}
            onReload={() => reloadPrice(price.id)}
            onSubmit={(input, showError) => update.mutate({ price, input, showError })}
          />
        )}
      </RecordFormModal>
      <ConfirmDeleteModal
        opened={deleting !== null}
        title="Delete this price?"
        confirmLabel="Delete price"
        busy={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting)}
      >
        {deleting && (
          <Text>
            {deleting.priceType} {usdAmount(deleting.pricePerPackage)} per package from {deleting.effectiveFrom} for{' '}
            {drug.genericName} will be removed; the price before it stays in force longer.
          </Text>
        )}
      </ConfirmDeleteModal>
    </Card>
  );
}

/**
 * Take stock out of one lot other than by an administration: expired, returned, damaged, or a
 * count correction (which may also put units back, as a negative quantity). The quantity is in
 * the lot's NDC unit; the service refuses more than is on hand (LOT_INSUFFICIENT) and the
 * refusal sits next to the quantity.
 */
import { Alert, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract } from '../../../shared/api/contract';
import { formatNdc542 } from '../../../shared/domain/ndc';
import { ADJUSTMENT_REASONS, type AdjustmentReason, type Lot } from '../../../shared/domain/stock';
import { ApiError, call } from '../api';
import { FormActions } from '../components/form-actions';
import { useRecordForm, type FormValues } from '../components/use-record-form';

const REASON_LABELS: Record<AdjustmentReason, string> = {
  expired: 'Expired',
  returned: 'Returned to the supplier',
  damaged: 'Damaged',
  correction: 'Count correction',
};

const adjustFields = contract['stock:adjust'].args.pick({ quantity: true, reason: true, note: true });

/** Refusals the service may give without a field that still belong to one. */
const FIELD_FOR_CODE: Record<string, string> = { LOT_INSUFFICIENT: 'quantity', LOT_EXPIRED: 'quantity' };

export function AdjustLotForm(props: { lot: Lot; onCancel: () => void; onDone: (lot: Lot) => void }) {
  const { lot } = props;
  const queryClient = useQueryClient();
  const form = useRecordForm(adjustFields, { quantity: '', reason: '', note: '' });
  const adjust = useMutation({
    mutationFn: (v: FormValues) =>
      call('stock:adjust', {
        invoiceLineId: lot.invoiceLineId,
        quantity: v.quantity ?? '',
        reason: v.reason as AdjustmentReason,
        note: v.note,
      }),
    onSuccess: (after) => {
      notifications.show({
        color: 'teal',
        title: 'Stock adjusted',
        message: `${after.drugName} lot ${after.lotNumber}: ${after.onHand} ${after.ndcUnit} on hand.`,
      });
      void queryClient.invalidateQueries({ queryKey: ['stock'] });
      void queryClient.invalidateQueries({ queryKey: ['invoices', lot.invoiceId] });
      props.onDone(after);
    },
    onError: (err) => {
      const field = err instanceof ApiError ? FIELD_FOR_CODE[err.code] : undefined;
      if (err instanceof ApiError && err.fields.length === 0 && field) {
        form.showError(new ApiError(err.code, err.message, [{ field, code: err.code, message: err.message }]));
      } else form.showError(err);
    },
  });

  return (
    <form
      noValidate
      aria-label="Adjust stock"
      onSubmit={(e) => {
        e.preventDefault();
        if (form.validate()) adjust.mutate(form.values);
      }}
    >
      <Stack>
        <Text size="sm">
          {lot.drugName} · <span className="mono">{formatNdc542(lot.ndc11)}</span> · lot{' '}
          <span className="mono">{lot.lotNumber}</span> · expires {lot.expiryDate}
        </Text>
        <Text size="sm" data-testid="adjust-on-hand">
          On hand: <b>{lot.onHand}</b> {lot.ndcUnit}
        </Text>
        {form.formError && <Alert color="red">{form.formError}</Alert>}
        <SimpleGrid cols={2}>
          <TextInput
            label={`Quantity (${lot.ndcUnit})`}
            required
            data-autofocus
            placeholder="e.g. 2.5"
            description="Taken out of the lot; for a count correction a negative number puts units back."
            {...form.inputProps('quantity')}
          />
          <Select
            label="Reason"
            required
            allowDeselect={false}
            data={ADJUSTMENT_REASONS.map((r) => ({ value: r, label: REASON_LABELS[r] }))}
            value={form.values.reason || null}
            error={form.errors.reason}
            onChange={(v) => form.setField('reason', v ?? '')}
          />
        </SimpleGrid>
        <Textarea
          label="Note"
          autosize
          minRows={2}
          placeholder="e.g. vial dropped on 2025-03-02"
          {...form.inputProps('note')}
        />
        <FormActions submitLabel="Adjust stock" busy={adjust.isPending} onCancel={props.onCancel} />
      </Stack>
    </form>
  );
}

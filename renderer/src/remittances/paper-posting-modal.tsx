/**
 * Posting a paper EOB on one claim line (or correcting one): payment date, allowed, paid, patient
 * responsibility, adjustments (group + reason code + amount, several), remark codes, check or EFT
 * number. Refusals from the service stand next to their fields.
 */
import { ActionIcon, Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Administration } from '../../../shared/domain/administration';
import {
  ADJUSTMENT_GROUP_CODES,
  type LineKind,
  type PaperPostingInput,
  type RemittanceView,
} from '../../../shared/domain/remittance';
import { readDateText } from '../../../shared/domain/typed-input';
import { ApiError, call } from '../api';
import { DateField } from '../components/date-field';
import { LINE_KIND_WORDS } from './variance-words';
import { invalidatePaymentViews } from './invalidate-payment-views';

/** A date typed the US way is posted as the ISO date it reads as; other text goes as typed, for the service to name. */
const dateOf = (text: string): string => {
  const r = readDateText(text, 'Payment date');
  return r.ok ? r.date : text.trim();
};

type Adjustment = { group: string; reason: string; amount: string };

export type PostingTarget = { administration: Administration; editing: RemittanceView | null };

function initial(t: PostingTarget) {
  const line = t.editing?.claims[0]?.lines[0];
  const claim = t.editing?.claims[0];
  return {
    lineKind: (line?.match?.lineKind ?? 'given') as LineKind,
    paymentDate: t.editing?.payment.date ?? '',
    allowed: line?.allowed ?? '',
    paid: line?.paid ?? '',
    patientResponsibility: claim?.patientResponsibility ?? '',
    adjustments: (line?.adjustments ?? []).map((a) => ({ group: a.group, reason: a.reason, amount: a.amount })),
    remarks: (line?.remarks ?? []).map((r) => r.code).join(' '),
    checkNumber: t.editing?.payment.trace ?? '',
  };
}

export function PaperPostingModal(props: { target: PostingTarget | null; onClose: () => void }) {
  return (
    <Modal
      opened={props.target !== null}
      onClose={props.onClose}
      title={props.target?.editing ? 'Correct a paper EOB' : 'Post a paper EOB'}
      size="lg"
    >
      {props.target && (
        <PostingForm key={props.target.editing?.id ?? 'new'} target={props.target} onDone={props.onClose} />
      )}
    </Modal>
  );
}

function PostingForm(props: { target: PostingTarget; onDone: () => void }) {
  const queryClient = useQueryClient();
  const a = props.target.administration;
  const [v, setV] = useState(() => initial(props.target));
  const set = (k: keyof typeof v, value: unknown) => setV((old) => ({ ...old, [k]: value }));
  const kinds = a.estimate?.lines.map((l) => l.kind) ?? [];
  const save = useMutation({
    mutationFn: () => {
      const posting: PaperPostingInput = {
        administrationId: a.id,
        lineKind: v.lineKind,
        paymentDate: dateOf(v.paymentDate),
        allowed: v.allowed,
        paid: v.paid,
        patientResponsibility: v.patientResponsibility,
        adjustments: v.adjustments.filter(
          (x) => x.reason !== '' || x.amount !== '',
        ) as PaperPostingInput['adjustments'],
        remarks: v.remarks.split(/[\s,]+/).filter((r) => r !== ''),
        checkNumber: v.checkNumber,
      };
      const editing = props.target.editing;
      return editing ? call('payments:correct', { remittanceId: editing.id, posting }) : call('payments:post', posting);
    },
    onSuccess: () => {
      notifications.show({
        color: 'teal',
        title: props.target.editing ? 'Payment corrected' : 'Payment posted',
        message: `${a.patientName}, ${a.dateOfService}`,
      });
      invalidatePaymentViews(queryClient);
      props.onDone();
    },
  });
  const fieldErrors = save.error instanceof ApiError ? save.error.fields : [];
  const errorOf = (field: string) => fieldErrors?.find((f) => f.field === field)?.message;

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        {save.error && !(fieldErrors && fieldErrors.length > 0) && <Alert color="red">{save.error.message}</Alert>}
        <SimpleGrid cols={2}>
          <Select
            label="Claim line"
            data={kinds.map((k) => ({ value: k, label: LINE_KIND_WORDS[k] }))}
            value={v.lineKind}
            onChange={(x) => set('lineKind', x ?? 'given')}
            allowDeselect={false}
            disabled={props.target.editing !== null}
            error={errorOf('lineKind')}
          />
          <DateField
            label="Payment date"
            required
            data-autofocus
            value={v.paymentDate}
            onChange={(t) => set('paymentDate', t)}
            error={errorOf('paymentDate')}
          />
          <TextInput
            label="Allowed"
            description="As the EOB prints it; empty if it does not say"
            value={v.allowed}
            onChange={(e) => set('allowed', e.currentTarget.value)}
            error={errorOf('allowed')}
          />
          <TextInput
            label="Paid"
            required
            value={v.paid}
            onChange={(e) => set('paid', e.currentTarget.value)}
            error={errorOf('paid')}
          />
          <TextInput
            label="Patient responsibility"
            value={v.patientResponsibility}
            onChange={(e) => set('patientResponsibility', e.currentTarget.value)}
            error={errorOf('patientResponsibility')}
          />
          <TextInput
            label="Check or EFT number"
            value={v.checkNumber}
            onChange={(e) => set('checkNumber', e.currentTarget.value)}
            error={errorOf('checkNumber')}
          />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Adjustments
          </Text>
          {v.adjustments.map((adj, i) => (
            <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
              <Select
                aria-label={`Adjustment ${i + 1} group`}
                data={[...ADJUSTMENT_GROUP_CODES]}
                value={adj.group}
                onChange={(x) =>
                  set(
                    'adjustments',
                    v.adjustments.map((o, j) => (j === i ? { ...o, group: x ?? 'CO' } : o)),
                  )
                }
                w={90}
                allowDeselect={false}
              />
              <TextInput
                aria-label={`Adjustment ${i + 1} reason code`}
                placeholder="Reason, e.g. 45"
                value={adj.reason}
                onChange={(e) =>
                  set(
                    'adjustments',
                    v.adjustments.map((o, j) => (j === i ? { ...o, reason: e.currentTarget.value.toUpperCase() } : o)),
                  )
                }
                error={errorOf(`adjustments.${i}.reason`)}
                w={140}
              />
              <TextInput
                aria-label={`Adjustment ${i + 1} amount`}
                placeholder="Amount"
                value={adj.amount}
                onChange={(e) =>
                  set(
                    'adjustments',
                    v.adjustments.map((o, j) => (j === i ? { ...o, amount: e.currentTarget.value } : o)),
                  )
                }
                error={errorOf(`adjustments.${i}.amount`)}
                w={140}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`Remove adjustment ${i + 1}`}
                onClick={() =>
                  set(
                    'adjustments',
                    v.adjustments.filter((_, j) => j !== i),
                  )
                }
              >
                ✕
              </ActionIcon>
            </Group>
          ))}
          <Button
            size="compact-sm"
            variant="light"
            w="fit-content"
            onClick={() =>
              set('adjustments', [...v.adjustments, { group: 'CO', reason: '', amount: '' } as Adjustment])
            }
          >
            Add an adjustment
          </Button>
        </Stack>
        <TextInput
          label="Remark codes"
          description="As printed, separated by spaces: N350 M119"
          value={v.remarks}
          onChange={(e) => set('remarks', e.currentTarget.value.toUpperCase())}
          error={fieldErrors?.find((f) => f.field.startsWith('remarks'))?.message}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {props.target.editing ? 'Save the correction' : 'Post the payment'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

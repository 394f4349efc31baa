/**
 * The attachment batch: one payer, a date-of-service range, which administrations (ready to bill,
 * or already billed for a resend), physician notes or not, and whether to merge everything made
 * into one PDF. Checked with the contract's own schema before it goes; the service's refusals
 * land next to their fields.
 */
import { Alert, Anchor, Button, Checkbox, Group, Radio, Select, SimpleGrid, Stack } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import { batchArgsSchema, type BatchStatus } from '../../../shared/api/document-schemas';
import { readDateText } from '../../../shared/domain/typed-input';
import { ApiError, call } from '../api';
import { DateField } from '../components/date-field';
import { useRecordForm, type FormValues } from '../components/use-record-form';
import { checked, flag, formSchema, todayIso, type FormIssue } from '../payers/form-schema';

/** A date typed the US way is sent as the ISO date it reads as; other text goes as typed, for the check to name. */
const dateOf = (text: string | undefined): string => {
  const r = readDateText(text ?? '', 'Date');
  return r.ok ? r.date : (text ?? '').trim();
};

const argsFromForm = (v: FormValues) => ({
  payerId: v.payerId ? Number(v.payerId) : undefined,
  from: dateOf(v.from),
  to: dateOf(v.to),
  status: v.status === 'billed' ? ('billed' as const) : ('ready' as const),
  includePhysicianNotes: checked(v.includePhysicianNotes),
  merged: checked(v.merged),
});

const batchFormSchema = formSchema(argsFromForm, batchArgsSchema, (v) => {
  const issues: FormIssue[] = [];
  if (!v.payerId) issues.push({ path: ['payerId'], message: 'Choose the payer.' });
  const from = dateOf(v.from);
  const to = dateOf(v.to);
  if (from && to && to < from) issues.push({ path: ['to'], message: 'To must be on or after From.' });
  return issues;
});

const initialValues = (): FormValues => {
  const today = todayIso();
  return {
    payerId: '',
    from: `${today.slice(0, 8)}01`,
    to: today,
    status: 'ready',
    includePhysicianNotes: 'true',
    merged: 'false',
  };
};

export function BatchForm(props: { running: boolean; onStarted: (status: BatchStatus) => void }) {
  const form = useRecordForm(batchFormSchema, initialValues());
  const payers = useQuery({ queryKey: ['payers', 'list'], queryFn: () => call('payers:list', {}) });
  const formRef = useRef<HTMLFormElement>(null);
  /**
   * After a refusal the keyboard goes to the first field that says what is wrong, once the form
   * is enabled again (it is disabled while the request is out).
   */
  const wantFocus = useRef(false);
  const focusFirstInvalid = () => {
    wantFocus.current = true;
  };
  const start = useMutation({
    mutationFn: (args: z.output<typeof batchArgsSchema>) => call('attachments:batchStart', args),
    onSuccess: (status) => {
      form.setFormError(null);
      props.onStarted(status);
    },
    onError: (err) => {
      form.showError(err);
      focusFirstInvalid();
    },
  });
  const busy = props.running || start.isPending;
  const date = (name: string) => form.textProps(name);
  useEffect(() => {
    if (!wantFocus.current || busy) return;
    wantFocus.current = false;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });

  return (
    <form
      ref={formRef}
      noValidate
      aria-label="Attachment batch"
      onSubmit={(e) => {
        e.preventDefault();
        if (busy) return;
        const args = form.validate();
        if (args) start.mutate(args);
        else focusFirstInvalid();
      }}
    >
      <fieldset disabled={busy} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack>
          {form.formError && (
            <Alert color="red" title="The batch did not start" role="alert">
              {form.formError}
              {start.error instanceof ApiError && start.error.code === 'PRACTICE_SETTINGS_MISSING' && (
                <>
                  {' '}
                  <Anchor component={Link} to="/settings">
                    Open Settings
                  </Anchor>
                </>
              )}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} maw={900}>
            <Select
              label="Payer"
              required
              searchable
              allowDeselect={false}
              placeholder={payers.data?.length === 0 ? 'No payers yet' : 'Choose the payer'}
              nothingFoundMessage="No payer by that name"
              data={(payers.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
              value={form.values.payerId || null}
              error={form.errors.payerId}
              onChange={(v) => form.setField('payerId', v ?? '')}
            />
            <DateField label="From" required description="Date of service" {...date('from')} />
            <DateField label="To" required description="Date of service" {...date('to')} />
          </SimpleGrid>
          <Radio.Group
            label="Which administrations"
            value={form.values.status}
            onChange={(v) => form.setField('status', v)}
            error={form.errors.status}
          >
            <Group mt={6}>
              <Radio value="ready" label="Ready to bill" />
              <Radio value="billed" label="Already billed (resend)" />
            </Group>
          </Radio.Group>
          <Checkbox
            label="Include physician notes"
            checked={checked(form.values.includePhysicianNotes)}
            onChange={(e) => form.setField('includePhysicianNotes', flag(e.currentTarget.checked))}
          />
          <Checkbox
            label="Also one merged PDF"
            description="Every attachment made, one after the other in a single file, for payers that take one upload."
            checked={checked(form.values.merged)}
            onChange={(e) => form.setField('merged', flag(e.currentTarget.checked))}
          />
          <Group>
            <Button type="submit" loading={start.isPending} disabled={props.running}>
              Make attachments
            </Button>
          </Group>
        </Stack>
      </fieldset>
    </form>
  );
}

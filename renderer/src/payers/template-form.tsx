/**
 * "Add from template": a payer and its first contract version in one step. The template's
 * documented alternatives are shown with the reason each exists; the person picks one.
 */
import { Alert, Loader, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { contract, type ArgsIn } from '../../../shared/api/contract';
import { call } from '../api';
import { DateField } from '../components/date-field';
import { dateReader, type FieldReaders } from '../components/typed-readers';
import { useRecordForm } from '../components/use-record-form';
import { formSchema } from './form-schema';
import { FormActions } from '../components/form-actions';

type TemplateArgs = ArgsIn<'payers:createFromTemplate'>;

const argsFromForm = (v: Record<string, string>): TemplateArgs => ({
  template: v.template ?? '',
  alternative: v.alternative || undefined,
  name: (v.name ?? '').trim() || undefined,
  effectiveFrom: (v.effectiveFrom ?? '').trim() || undefined,
});

const READERS: FieldReaders = { effectiveFrom: dateReader('effectiveFrom', 'Effective from') };

const templateFormSchema = formSchema(argsFromForm, contract['payers:createFromTemplate'].args as z.ZodType<unknown>);

export function TemplateForm(props: {
  busy: boolean;
  onSubmit: (args: TemplateArgs, showError: (err: unknown) => void) => void;
  onCancel: () => void;
}) {
  const templates = useQuery({ queryKey: ['payers', 'templates'], queryFn: () => call('payers:templates', {}) });
  const form = useRecordForm(
    templateFormSchema,
    { template: '', alternative: '', name: '', effectiveFrom: '' },
    READERS,
  );
  const list = templates.data ?? [];
  // Until the person picks, the first template and its first (default) alternative are chosen.
  const template = list.find((t) => t.key === form.values.template) ?? list[0];
  const alternative = form.values.alternative || template?.alternatives[0]?.key || '';

  if (templates.isPending) return <Loader size="sm" aria-label="Loading templates" />;
  if (templates.isError) return <Alert color="red">{templates.error.message}</Alert>;
  if (!template) return <Alert color="gray">No payer templates ship with this version.</Alert>;

  return (
    <form
      noValidate
      aria-label="Payer from template"
      onSubmit={(e) => {
        e.preventDefault();
        const values = form.readValues();
        if (form.validate(values)) {
          props.onSubmit(argsFromForm({ ...values, template: template.key, alternative }), form.showError);
        }
      }}
    >
      <Stack>
        {form.formError && <Alert color="red">{form.formError}</Alert>}
        {list.length > 1 && (
          <Select
            label="Template"
            allowDeselect={false}
            data={list.map((t) => ({ value: t.key, label: t.label }))}
            value={template.key}
            onChange={(v) => form.setValues((f) => ({ ...f, template: v ?? '', alternative: '' }))}
          />
        )}
        <Radio.Group
          label={`How ${template.label} pays J3490 drugs`}
          description="The first contract version, for all drugs. You can add versions for one NDC or HCPCS code later."
          value={alternative}
          onChange={(v) => form.setField('alternative', v)}
          error={form.errors.alternative}
        >
          <Stack gap="sm" mt="xs">
            {template.alternatives.map((a, i) => (
              <Radio key={a.key} value={a.key} label={`${a.label}${i === 0 ? ' (default)' : ''}`} description={a.why} />
            ))}
          </Stack>
        </Radio.Group>
        <SimpleGrid cols={2}>
          <TextInput
            label="Name"
            placeholder={template.label}
            description="Leave empty to use the template’s name"
            data-autofocus
            {...form.inputProps('name')}
          />
          <DateField
            label="Effective from"
            placeholder="The template’s date"
            description="Leave empty for the template’s date"
            {...form.textProps('effectiveFrom')}
          />
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          The requirements profile comes from the template too. Check it against your MAC’s rules and confirm it on the
          payer’s page.
        </Text>
        <FormActions submitLabel="Create payer" busy={props.busy} onCancel={props.onCancel} />
      </Stack>
    </form>
  );
}

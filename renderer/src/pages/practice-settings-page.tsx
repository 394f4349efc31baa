/** Settings: the practice as it prints on claims and attachments, and how payments are rated. */
import { Button, Group, Loader, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { practiceInputSchema } from '../../../shared/domain/practice-settings';
import { formatTin } from '../../../shared/domain/tin';
import { call } from '../api';
import { StateSelect } from '../components/state-select';
import { npiReader, type FieldReaders } from '../components/typed-readers';
import { useRecordForm, type FormValues } from '../components/use-record-form';
import { FormRefusal } from '../components/record-changed';
import { VarianceToleranceCard } from '../remittances/variance-tolerance-card';
import { BackupsCard } from '../backups/backups-card';
import { SecurityCard } from '../security/security-card';
import { AccountsCard } from '../security/accounts-card';
import { PracticeNetworkCard } from '../network/practice-network-card';

const EMPTY: FormValues = {
  name: '',
  addressLine1: '',
  addressLine2: '',
  city: '',
  state: '',
  zip: '',
  phone: '',
  billingContact: '',
  npi: '',
  tin: '',
};

const READERS: FieldReaders = { npi: npiReader('npi') };

export function PracticeSettingsPage() {
  const queryClient = useQueryClient();
  const practice = useQuery({ queryKey: ['practice'], queryFn: () => call('practice:get', {}) });
  const form = useRecordForm(practiceInputSchema, EMPTY, READERS);
  const { setValues } = form;

  useEffect(() => {
    if (practice.data) {
      const { updatedAt: _u, version: _v, ...fields } = practice.data;
      setValues({ ...fields, tin: formatTin(fields.tin) });
    }
  }, [practice.data, setValues]);

  const save = useMutation({
    mutationFn: (values: FormValues) => call('practice:set', { ...values, version: practice.data?.version } as never),
    onSuccess: (saved) => {
      queryClient.setQueryData(['practice'], saved);
      notifications.show({ color: 'teal', title: 'Practice settings saved', message: saved.name });
    },
    onError: form.showError,
  });

  if (practice.isLoading) return <Loader aria-label="Loading" />;

  return (
    <Stack maw={760}>
      <Title order={2}>Practice settings</Title>
      <Text c="dimmed">These print on every cost attachment and identify the practice to payers.</Text>
      <FormRefusal
        form={form}
        title="Not saved"
        onReload={async () => {
          // The settings as stored now replace the form's (the effect above), and the refusal goes.
          await practice.refetch();
          form.setFormError(null);
        }}
      />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const values = form.readValues();
          if (form.validate(values)) save.mutate(values);
        }}
      >
        <Stack>
          <TextInput label="Practice name" required {...form.inputProps('name')} />
          <TextInput label="Address" required {...form.inputProps('addressLine1')} />
          <TextInput label="Address line 2" {...form.inputProps('addressLine2')} />
          <SimpleGrid cols={3}>
            <TextInput label="City" required {...form.inputProps('city')} />
            <StateSelect
              label="State"
              required
              placeholder="IL or Illinois"
              value={form.values.state ?? ''}
              error={form.errors.state}
              onChange={(v) => form.setField('state', v)}
            />
            <TextInput label="ZIP" required {...form.inputProps('zip')} />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <TextInput label="Phone" required placeholder="e.g. (555) 123-4567" {...form.inputProps('phone')} />
            <TextInput label="Billing contact" required {...form.inputProps('billingContact')} />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <TextInput
              label="NPI"
              required
              description="10 digits, type 2 (organization); spaces are fine"
              {...form.inputProps('npi')}
            />
            <TextInput label="TIN" required description="9 digits, e.g. 12-3456789" {...form.inputProps('tin')} />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save settings
            </Button>
          </Group>
        </Stack>
      </form>
      <VarianceToleranceCard />
      <BackupsCard />
      <SecurityCard />
      <AccountsCard />
      <PracticeNetworkCard />
    </Stack>
  );
}

/** Settings: the practice as it prints on claims and attachments, and how payments are rated. */
import { Alert, Button, Group, Loader, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { practiceInputSchema, US_STATES } from '../../../shared/domain/practice-settings';
import { formatTin } from '../../../shared/domain/tin';
import { call } from '../api';
import { useRecordForm, type FormValues } from '../components/use-record-form';
import { VarianceToleranceCard } from '../remittances/variance-tolerance-card';

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

export function PracticeSettingsPage() {
  const queryClient = useQueryClient();
  const practice = useQuery({ queryKey: ['practice'], queryFn: () => call('practice:get', {}) });
  const form = useRecordForm(practiceInputSchema, EMPTY);
  const { setValues } = form;

  useEffect(() => {
    if (practice.data) {
      const { updatedAt: _u, ...fields } = practice.data;
      setValues({ ...fields, tin: formatTin(fields.tin) });
    }
  }, [practice.data, setValues]);

  const save = useMutation({
    mutationFn: (values: FormValues) => call('practice:set', values as never),
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
      {form.formError && (
        <Alert color="red" title="Not saved">
          {form.formError}
        </Alert>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (form.validate()) save.mutate(form.values);
        }}
      >
        <Stack>
          <TextInput label="Practice name" required {...form.inputProps('name')} />
          <TextInput label="Address" required {...form.inputProps('addressLine1')} />
          <TextInput label="Address line 2" {...form.inputProps('addressLine2')} />
          <SimpleGrid cols={3}>
            <TextInput label="City" required {...form.inputProps('city')} />
            <Select
              label="State"
              required
              searchable
              data={[...US_STATES]}
              value={form.values.state || null}
              error={form.errors.state}
              onChange={(v) => form.setField('state', v ?? '')}
            />
            <TextInput label="ZIP" required {...form.inputProps('zip')} />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <TextInput label="Phone" required placeholder="(555) 123-4567" {...form.inputProps('phone')} />
            <TextInput label="Billing contact" required {...form.inputProps('billingContact')} />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <TextInput
              label="NPI"
              required
              description="10 digits, type 2 (organization)"
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
    </Stack>
  );
}

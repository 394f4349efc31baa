/**
 * The variance tolerance: within how much a paid line still counts as "paid as expected".
 * Changing it re-rates every line at once (the service does that in one transaction), so the
 * worklists and reports move with it; the confirmation says so before anything changes.
 */
import { Alert, Button, Card, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { usdFromFixed } from '../../../shared/domain/money';
import { call } from '../api';
import { useRecordForm } from '../components/use-record-form';

const toleranceFormSchema = z.object({
  tolerance: z
    .string()
    .trim()
    .regex(/^\$?\d{1,4}(\.\d{1,2})?$/, 'Enter dollars and cents, e.g. 1.00 (from 0.00 to 1,000.00).'),
});

export function VarianceToleranceCard() {
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => call('settings:get', {}) });
  const form = useRecordForm(toleranceFormSchema, { tolerance: '' });
  const { setValues } = form;
  const [pending, setPending] = useState<string | null>(null);

  useEffect(() => {
    if (settings.data) setValues({ tolerance: settings.data.varianceTolerance });
  }, [settings.data, setValues]);

  const save = useMutation({
    mutationFn: (value: string) => call('settings:setVarianceTolerance', { value: value.replace('$', '') }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['settings'], saved);
      // Every status may have moved: lists, worklists and reports read again.
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'settings' });
      notifications.show({
        color: 'teal',
        title: 'Tolerance saved',
        message: `Lines within ${usdFromFixed(saved.varianceTolerance)} of the expected amount count as paid.`,
      });
    },
    onError: form.showError,
  });

  const submit = () => {
    const parsed = form.validate();
    if (!parsed) return;
    if (parsed.tolerance.replace('$', '') === settings.data?.varianceTolerance) {
      notifications.show({ title: 'Nothing to change', message: `The tolerance is already $${parsed.tolerance}.` });
      return;
    }
    setPending(parsed.tolerance);
  };

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3}>Expected versus paid</Title>
        {form.formError && (
          <Alert color="red" title="Not saved">
            {form.formError}
          </Alert>
        )}
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Group align="flex-end">
            <TextInput
              label="Variance tolerance ($)"
              description="A line paid within this amount of what was expected counts as paid."
              w={460}
              disabled={settings.isLoading}
              {...form.inputProps('tolerance')}
            />
            <Button type="submit" variant="light" loading={save.isPending}>
              Save tolerance
            </Button>
          </Group>
        </form>
      </Stack>
      <Modal opened={pending !== null} onClose={() => setPending(null)} title="Change the variance tolerance?">
        <Stack>
          <Text size="sm">
            Every paid line is rated again under ${pending?.replace('$', '')}: some may move between paid, underpaid and
            overpaid, and the worklists and reports change with them. You can change it back at any time.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPending(null)}>
              Cancel
            </Button>
            <Button
              data-autofocus
              onClick={() => {
                if (pending !== null) save.mutate(pending);
                setPending(null);
              }}
            >
              Change tolerance
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

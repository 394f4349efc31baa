/**
 * The practice's providers: who orders and who gives the drugs, with their NPIs and credentials.
 * The administration form offers the active ones by name and fills in their NPIs. A provider who
 * leaves is made inactive (confirmed), not deleted: administrations already recorded keep the
 * name and NPI they were billed with, and the provider can be made active again.
 */
import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { providerPrintedName, type Provider, type ProviderInput } from '../../../shared/domain/provider';
import { call } from '../api';
import { localTime } from '../components/local-time';
import { RecordFormModal } from '../components/record-form-modal';
import { useSaveRecord } from '../components/use-save-record';
import { emptyProvider, ProviderForm, providerToForm } from '../providers/provider-form';
import { InactiveProviders } from '../providers/inactive-providers';
import { MakeInactiveModal } from '../providers/make-inactive-modal';

export function ProvidersPage() {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Provider | 'new' | null>(null);
  const [retiring, setRetiring] = useState<Provider | null>(null);

  const list = useQuery({
    queryKey: ['providers', 'list', 'all'],
    queryFn: () => call('providers:list', { includeInactive: true }),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['providers'] });
  // After RECORD_CHANGED: the provider as stored now, in the form (keyed by its version).
  const reload = async (id: number) => {
    const { rows } = await call('providers:list', { includeInactive: true });
    const fresh = rows.find((p) => p.id === id);
    if (!fresh) throw new Error('This provider was removed by someone else.');
    setEditing(fresh);
    void refresh();
  };

  const save = useSaveRecord({
    editing,
    create: (input: ProviderInput) => call('providers:create', input),
    update: (input: ProviderInput, p) => call('providers:update', { ...input, id: p.id, version: p.version }),
    titles: ['Provider added', 'Provider saved'],
    message: (p) => `${providerPrintedName(p)} · NPI ${p.npi}`,
    onSaved: () => {
      setEditing(null);
      void refresh();
    },
  });

  const makeActive = useMutation({
    mutationFn: (p: Provider) =>
      call('providers:update', {
        id: p.id,
        version: p.version,
        name: p.name,
        npi: p.npi,
        credentials: p.credentials,
        active: true,
      }),
    onSuccess: (p) => {
      notifications.show({
        color: 'teal',
        title: 'Provider active again',
        message: `${providerPrintedName(p)} is offered on the administration form again.`,
      });
      void refresh();
    },
    onError: (err) => notifications.show({ color: 'red', title: 'Nothing was changed', message: err.message }),
  });

  const rows = list.data?.rows ?? [];
  const active = rows.filter((p) => p.active);
  const inactive = rows.filter((p) => !p.active);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Providers</Title>
        <Button onClick={() => setEditing('new')}>Add provider</Button>
      </Group>
      {list.isError && <Text c="red">{list.error.message}</Text>}

      {list.isSuccess && active.length === 0 && (
        <Text c="dimmed" data-testid="providers-empty" maw={720}>
          No active providers yet. Add the doctors, nurse practitioners and physician assistants who order or give the
          drugs, with their NPIs: the administration form then fills in their names and NPIs for you.
        </Text>
      )}

      {active.length > 0 && (
        <>
          <Text size="sm" c="dimmed" maw={720}>
            Offered on the administration form as the ordering and rendering provider. A new administration starts with
            the providers the last one named.
          </Text>
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover aria-label="Providers">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Credentials</Table.Th>
                  <Table.Th>NPI</Table.Th>
                  <Table.Th>Last changed</Table.Th>
                  <Table.Th aria-label="Actions" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {active.map((p) => (
                  <Table.Tr key={p.id} data-testid="provider-row">
                    <Table.Td>{p.name}</Table.Td>
                    <Table.Td>{p.credentials || <Text c="dimmed">None</Text>}</Table.Td>
                    <Table.Td className="mono">{p.npi}</Table.Td>
                    <Table.Td>{localTime(p.updatedAt)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="light"
                          aria-label={`Edit ${providerPrintedName(p)}`}
                          onClick={() => setEditing(p)}
                        >
                          Edit
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          aria-label={`Make ${providerPrintedName(p)} inactive`}
                          onClick={() => setRetiring(p)}
                        >
                          Make inactive
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}

      {inactive.length > 0 && (
        <InactiveProviders
          rows={inactive}
          busyId={makeActive.isPending ? (makeActive.variables?.id ?? null) : null}
          onMakeActive={(p) => makeActive.mutate(p)}
        />
      )}

      <RecordFormModal
        record={editing}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Add provider' : 'Edit provider'}
      >
        {(provider) => (
          <ProviderForm
            key={provider === 'new' ? 'new' : provider.version}
            initial={provider === 'new' ? emptyProvider : providerToForm(provider)}
            submitLabel={provider === 'new' ? 'Add provider' : 'Save changes'}
            busy={save.isPending}
            onCancel={() => setEditing(null)}
            onReload={provider === 'new' ? undefined : () => reload(provider.id)}
            onSubmit={(input, showError) => save.mutate({ input, showError })}
          />
        )}
      </RecordFormModal>

      <MakeInactiveModal provider={retiring} onClose={() => setRetiring(null)} onDone={() => void refresh()} />
    </Stack>
  );
}

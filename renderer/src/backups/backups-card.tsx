/**
 * Settings → Backups: the backups in the data folder (when, why, how big), "Back up now", and
 * "Restore…" and "Delete…" on a row, each behind a dialog that says what will happen (the only
 * backup left cannot be deleted). A restore replaces the data in
 * place (the services reopen on the restored database), then the app reloads so nothing read
 * before the restore stays on screen; what was done is shown once after the reload.
 */
import { Alert, Button, Card, Group, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BackupRow } from '../../../shared/api/backup-channels';
import { localTime } from '../../../shared/domain/local-time';
import { ApiError, call } from '../api';
import { errorWords, SupportCode } from '../components/error-words';
import { reasonWords, sizeWords } from './backup-words';

const RESTORED_NOTE = 'j3490.restored';

export function BackupsCard() {
  const queryClient = useQueryClient();
  const backups = useQuery({ queryKey: ['backups'], queryFn: () => call('backups:list', {}) });
  const [chosen, setChosen] = useState<BackupRow | null>(null);
  const [doomed, setDoomed] = useState<BackupRow | null>(null);
  // Read once: the note the restore left for the reloaded page.
  const [restoredNote] = useState(() => {
    const note = sessionStorage.getItem(RESTORED_NOTE);
    sessionStorage.removeItem(RESTORED_NOTE);
    return note;
  });

  const create = useMutation({
    mutationFn: () => call('backups:create', {}),
    onSuccess: (made) => {
      void queryClient.invalidateQueries({ queryKey: ['backups'] });
      notifications.show({
        color: 'teal',
        title: 'Backed up',
        message: `Backup of ${localTime(made.createdAt)} made.`,
      });
    },
  });

  const restore = useMutation({
    mutationFn: (row: BackupRow) => call('backups:restore', { name: row.name }),
    onSuccess: (done) => {
      sessionStorage.setItem(
        RESTORED_NOTE,
        `The data is now as it was at ${localTime(done.restored.createdAt)}. ` +
          `The data as it was just before is kept as the backup of ${localTime(done.previousKeptIn.createdAt)}.`,
      );
      window.location.reload();
    },
  });

  const remove = useMutation({
    mutationFn: (row: BackupRow) => call('backups:delete', { name: row.name }),
    onSuccess: (gone) => {
      setDoomed(null);
      void queryClient.invalidateQueries({ queryKey: ['backups'] });
      notifications.show({
        color: 'teal',
        title: 'Backup deleted',
        message: `Backup of ${localTime(gone.createdAt)} deleted.`,
      });
    },
  });

  const rows = backups.data?.rows ?? [];
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3}>Backups</Title>
        <Text size="sm" c="dimmed">
          A backup holds the database and every stored invoice scan, generated document and remittance file.
          {backups.data && <> They are kept in {backups.data.folder}.</>}
        </Text>
        {restoredNote && (
          <Alert color="teal" title="Backup restored" data-testid="backup-restored">
            {restoredNote}
          </Alert>
        )}
        {create.error && (
          <Alert color="red" title="Not backed up">
            {errorWords(create.error)}
          </Alert>
        )}
        <Group>
          <Button onClick={() => create.mutate()} loading={create.isPending}>
            Back up now
          </Button>
          {create.isPending && (
            <Text size="sm" c="dimmed">
              Copying the database and files; you can keep working.
            </Text>
          )}
        </Group>
        {backups.isLoading ? (
          <Loader size="sm" aria-label="Loading backups" />
        ) : rows.length === 0 ? (
          <Text c="dimmed" data-testid="backups-empty">
            No backups yet.
          </Text>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Made</Table.Th>
                <Table.Th>Why</Table.Th>
                <Table.Th ta="right">Size</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.name} data-testid="backup-row">
                  <Table.Td>{localTime(row.createdAt)}</Table.Td>
                  <Table.Td>{reasonWords(row.reason)}</Table.Td>
                  <Table.Td ta="right">{sizeWords(row.bytes)}</Table.Td>
                  <Table.Td ta="right">
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => {
                          restore.reset();
                          setChosen(row);
                        }}
                      >
                        Restore…
                      </Button>
                      {rows.length > 1 && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => {
                            remove.reset();
                            setDoomed(row);
                          }}
                        >
                          Delete…
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Modal
        opened={chosen !== null}
        onClose={() => (restore.isPending ? undefined : setChosen(null))}
        title="Restore this backup?"
        size="lg"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {chosen && (
          <Stack>
            <Text>
              All the data will be put back as it was at <b>{localTime(chosen.createdAt)}</b>: invoices,
              administrations, payments, settings, scans and documents. Anything entered since then will no longer be
              shown.
            </Text>
            <Text>
              First the data as it is now is backed up (“{reasonWords('before-restore')}”), so this can be undone by
              restoring that backup. The app reloads when the restore is done.
            </Text>
            {restore.error && (
              <Alert color="red" title="Not restored" data-testid="restore-refused">
                {restore.error.message} Nothing was changed.
                {restore.error instanceof ApiError && <SupportCode code={restore.error.code} />}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setChosen(null)} disabled={restore.isPending} data-autofocus>
                Keep the current data
              </Button>
              <Button
                color="red"
                loading={restore.isPending}
                disabled={restore.error != null}
                onClick={() => restore.mutate(chosen)}
              >
                Restore this backup
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <Modal
        opened={doomed !== null}
        onClose={() => (remove.isPending ? undefined : setDoomed(null))}
        title="Delete this backup?"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {doomed && (
          <Stack>
            <Text>
              The backup of <b>{localTime(doomed.createdAt)}</b> ({reasonWords(doomed.reason).toLowerCase()},{' '}
              {sizeWords(doomed.bytes)}) will be deleted for good. The practice’s data and the other backups are not
              changed.
            </Text>
            {remove.error && (
              <Alert color="red" title="Not deleted" data-testid="delete-refused">
                {remove.error.message}
                {remove.error instanceof ApiError && <SupportCode code={remove.error.code} />}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDoomed(null)} disabled={remove.isPending} data-autofocus>
                Keep it
              </Button>
              <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(doomed)}>
                Delete this backup
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}

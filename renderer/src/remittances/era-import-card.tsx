/**
 * Importing an 835: choose the file, see what it says before anything is written (payments,
 * claims, lines matched or not, balance, warnings), then import it. The same file twice is
 * refused by the service, and the preview already says so.
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  Input,
  Group,
  List,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { EraReadingResult } from '../../../shared/api/remittance-channels';
import { usdFromFixed } from '../../../shared/domain/money';
import { ApiError, call } from '../api';
import { readAsBase64 } from '../imports/read-file';
import { invalidatePaymentViews } from './invalidate-payment-views';
import { SupportCode } from '../components/error-words';

type Chosen = { fileName: string; contentBase64: string };

export function EraImportCard() {
  const queryClient = useQueryClient();
  const inputId = useId();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [done, setDone] = useState<EraReadingResult | null>(null);
  const preview = useMutation({
    mutationFn: async (f: File) => {
      const content = { fileName: f.name, contentBase64: await readAsBase64(f) };
      setChosen(content);
      return call('remittances:preview', content);
    },
  });
  const importFile = useMutation({
    mutationFn: () => call('remittances:import', chosen as Chosen),
    onSuccess: (result) => {
      setDone(result);
      preview.reset();
      notifications.show({
        color: 'teal',
        title: '835 imported',
        message: `${result.fileName}: ${result.summary.claims} claims, ${result.summary.matched} lines matched, ${result.summary.unmatched} to match by hand.`,
      });
      invalidatePaymentViews(queryClient);
    },
  });
  const reading = preview.data;
  const busy = preview.isPending || importFile.isPending;

  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>Import an 835 remittance</Title>
        <Group align="flex-end">
          <Input.Wrapper
            id={inputId}
            label="835 file (ERA)"
            description="The remittance file the payer or clearinghouse sent (.835, .txt, .edi)"
          >
            <input
              id={inputId}
              type="file"
              disabled={busy}
              onChange={(e) => {
                const f = e.currentTarget.files?.[0] ?? null;
                setDone(null);
                importFile.reset();
                if (f) preview.mutate(f);
                else preview.reset();
              }}
            />
          </Input.Wrapper>
        </Group>
        {busy && (
          <Stack gap={4}>
            <Text size="sm">{importFile.isPending ? 'Posting the payments…' : 'Reading, balancing and matching…'}</Text>
            <Progress value={100} animated striped aria-label="Working" />
          </Stack>
        )}
        {preview.error && (
          <Alert color="red" title="This file cannot be read as an 835" data-testid="era-error">
            {preview.error.message}
            {preview.error instanceof ApiError && <SupportCode code={preview.error.code} />}
          </Alert>
        )}
        {importFile.error && (
          <Alert color="red" title="Not imported" data-testid="era-import-error">
            {importFile.error.message}
          </Alert>
        )}
        {reading && <ReadingSummary reading={reading} />}
        {reading && (
          <Group>
            <Button
              onClick={() => importFile.mutate()}
              loading={importFile.isPending}
              disabled={reading.alreadyImported}
            >
              Import and post {count(reading.summary.claims)} claim{reading.summary.claims === 1 ? '' : 's'}
            </Button>
            {reading.alreadyImported && (
              <Text c="orange.8">This file was imported before; nothing would be posted twice.</Text>
            )}
          </Group>
        )}
        {done && (
          <Alert color="teal" title={`Imported ${done.fileName}`} data-testid="era-imported">
            {done.summary.matched} line{done.summary.matched === 1 ? '' : 's'} matched and posted.{' '}
            {done.summary.unmatched > 0 ? (
              <Link to="/remittances/unmatched">{done.summary.unmatched} to match by hand</Link>
            ) : (
              'Nothing left to match.'
            )}{' '}
            {done.importId !== undefined && <Link to={`/remittances/files/${done.importId}`}>Open the file</Link>}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

function ReadingSummary({ reading }: { reading: EraReadingResult }) {
  const s = reading.summary;
  const payers = [...new Set(reading.transactions.map((t) => t.payer.name ?? 'Unnamed payer'))];
  return (
    <Stack gap="xs" data-testid="era-preview">
      <Text size="sm">
        {payers.join(', ')} · {reading.transactions.length} payment{reading.transactions.length === 1 ? '' : 's'}
      </Text>
      <SimpleGrid cols={{ base: 2, md: 5 }} spacing="xs">
        <Figure label="Claims" value={count(s.claims)} />
        <Figure label="Lines" value={count(s.lines)} />
        <Figure label="Matched" value={count(s.matched)} testId="era-matched" />
        <Figure label="To match by hand" value={count(s.unmatched)} testId="era-unmatched" />
        <Figure label="Total paid" value={usdFromFixed(s.totalPaid)} />
      </SimpleGrid>
      {s.outOfBalance > 0 ? (
        <Badge color="red" variant="light">
          {s.outOfBalance} item{s.outOfBalance === 1 ? '' : 's'} out of balance
        </Badge>
      ) : (
        <Badge color="teal" variant="light">
          Every line, claim and payment balances
        </Badge>
      )}
      {reading.warnings.length > 0 && (
        <Alert
          color="yellow"
          title={`${reading.warnings.length} thing${reading.warnings.length === 1 ? '' : 's'} to know`}
        >
          <List size="sm" spacing={2}>
            {reading.warnings.slice(0, 20).map((w, i) => (
              <List.Item key={i}>
                {w.message}{' '}
                <Text span size="xs" c="dimmed">
                  (segment {w.segment})
                </Text>
              </List.Item>
            ))}
          </List>
          {reading.warnings.length > 20 && <Text size="sm">…and {reading.warnings.length - 20} more.</Text>}
        </Alert>
      )}
    </Stack>
  );
}

/** 10,000 rather than 10000. */
const count = (n: number): string => n.toLocaleString('en-US');

function Figure(props: { label: string; value: string; testId?: string }) {
  return (
    <Card withBorder padding="xs">
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text fw={700} data-testid={props.testId}>
        {props.value}
      </Text>
    </Card>
  );
}

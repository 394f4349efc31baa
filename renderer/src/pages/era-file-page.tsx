/** One imported 835 file: its warnings, then each payment with its claims and lines, and matching by hand. */
import { Alert, Anchor, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { call } from '../api';
import { localTime } from '../components/local-time';
import { MatchLineModal, type LineToMatch } from '../remittances/match-line-modal';
import { RemittanceCard } from '../remittances/remittance-card';

export function EraFilePage() {
  const id = Number(useParams().id);
  const [matching, setMatching] = useState<LineToMatch | null>(null);
  const file = useQuery({ queryKey: ['remittances', 'file', id], queryFn: () => call('remittances:file', { id }) });
  if (file.isError) return <Alert color="red">{file.error.message}</Alert>;
  if (!file.data) return <Text c="dimmed">Loading…</Text>;
  const f = file.data.file;
  return (
    <Stack>
      <Anchor component={Link} to="/remittances" size="sm">
        ← All remittances
      </Anchor>
      <Title order={2}>{f.fileName}</Title>
      <Text c="dimmed" size="sm">
        Imported {localTime(f.importedAt)} by {f.importedBy} · {f.claims} claims · {f.lines} lines ·{' '}
        {f.unmatched === 0 ? 'every line matched' : `${f.unmatched} to match by hand`}
      </Text>
      {f.warnings.length > 0 && (
        <Alert color="yellow" title="What the file said that needs a look">
          <List size="sm" spacing={2}>
            {f.warnings.map((w, i) => (
              <List.Item key={i}>
                {w.message}
                {w.segment !== null ? <Text span size="xs" c="dimmed">{` (segment ${w.segment})`}</Text> : null}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {file.data.remittances.map((r) => (
        <RemittanceCard
          key={r.id}
          remittance={r}
          onMatch={(line) => {
            const claim = r.claims.find((c) => c.lines.some((l) => l.id === line.id));
            setMatching({
              lineId: line.id,
              description: `${[line.code, ...line.modifiers].join(' ')} on ${line.dateOfService ?? 'no date'}, claim ${claim?.patientControlNumber ?? ''}, paid ${line.paid}`,
              hint: claim?.patient.last || claim?.patientControlNumber || '',
            });
          }}
        />
      ))}
      <MatchLineModal line={matching} onClose={() => setMatching(null)} />
    </Stack>
  );
}

/**
 * Reference data: the CMS NDC-HCPCS crosswalk, the HCPCS quarterly update and the FDA NDC
 * directory that the code check relies on. Import a file (preview first), see what is on file and
 * in use, what the newest quarter changed, and check one NDC by hand.
 */
import { Stack, Text, Title } from '@mantine/core';
import { NdcCheck } from '../reference/ndc-check';
import { QuarterSummaries } from '../reference/quarter-summary';
import { ReferenceHistory } from '../reference/reference-history';
import { ReferenceImportCard } from '../reference/reference-import-card';

export function ReferenceDataPage() {
  return (
    <Stack>
      <Title order={2}>Reference data</Title>
      <Text c="dimmed" maw={760}>
        The code check uses these CMS and FDA files to tell when a drug billed under J3490 has a code of its own, and
        from which date of service. Import the crosswalk and the HCPCS update each quarter when CMS publishes them, and
        the FDA directory whenever you like.
      </Text>
      <ReferenceImportCard />

      <Title order={3} mt="md">
        Imported files
      </Title>
      <ReferenceHistory />

      <Title order={3} mt="md">
        What changed this quarter
      </Title>
      <QuarterSummaries />

      <Title order={3} mt="md">
        Check an NDC
      </Title>
      <NdcCheck />
    </Stack>
  );
}

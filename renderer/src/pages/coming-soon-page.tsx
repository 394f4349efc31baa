import { Alert, Stack, Text, Title } from '@mantine/core';
import type { Area } from '../areas';

/** An honest placeholder for an area that is planned but not built yet. */
export function ComingSoonPage({ area }: { area: Area }) {
  return (
    <Stack maw={640}>
      <Title order={2}>{area.label}</Title>
      <Text>{area.purpose}</Text>
      <Alert color="gray" title="Not available yet">
        This area is part of the plan for J3490 Desk but is not built in this version. Nothing is stored here yet.
      </Alert>
    </Stack>
  );
}

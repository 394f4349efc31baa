/** Under every paged list: how many records match, and the pages when there is more than one. */
import { Group, Pagination, Text } from '@mantine/core';

export function ListFooter(props: {
  total: number;
  /** Singular and plural: ["drug", "drugs"]. */
  noun: readonly [string, string];
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  testId?: string;
}) {
  const { total, noun, page, pageSize, onPage, testId } = props;
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed" data-testid={testId}>
        {total} {total === 1 ? noun[0] : noun[1]}
      </Text>
      {total > pageSize && <Pagination total={Math.ceil(total / pageSize)} value={page} onChange={onPage} />}
    </Group>
  );
}

/** Under a worklist: how many lines match and the pages, nothing while the list is empty. */
import { ListFooter } from '../components/list-footer';
import { LIST_PAGE_SIZE } from '../components/paged-list';

export function WorklistFooter(props: {
  total: number | undefined;
  page: number;
  onPage: (page: number) => void;
  noun: readonly [string, string];
  testId: string;
}) {
  if (!props.total) return null;
  return <ListFooter {...props} total={props.total} pageSize={LIST_PAGE_SIZE} />;
}

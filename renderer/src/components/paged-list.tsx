/**
 * A searchable, paged list of records: the search box state (typing starts again at page 1, the
 * service is asked 200 ms after the last key), and around the table the first-use text when
 * there is nothing at all, "No … matches" when the search finds nothing, and the footer.
 */
import { Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type ChangeEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { ListFooter } from './list-footer';

export const LIST_PAGE_SIZE = 50;

export function usePagedSearch() {
  // A link may open the list already searched (?search=…): the header's search box does, also
  // when this list is already open.
  const fromUrl = useSearchParams()[0].get('search') ?? '';
  const [search, setSearch] = useState(fromUrl);
  const [debounced] = useDebouncedValue(search, 200);
  const [page, setPage] = useState(1);
  const [urlSeen, setUrlSeen] = useState(fromUrl);
  if (fromUrl !== urlSeen) {
    setUrlSeen(fromUrl);
    if (fromUrl !== '') {
      setSearch(fromUrl);
      setPage(1);
    }
  }
  return {
    debounced,
    page,
    setPage,
    /** For the list call: { search, limit, offset }. */
    args: { search: debounced, limit: LIST_PAGE_SIZE, offset: (page - 1) * LIST_PAGE_SIZE },
    /** For the search TextInput. */
    searchProps: {
      value: search,
      onChange: (e: ChangeEvent<HTMLInputElement>) => {
        setSearch(e.currentTarget.value);
        setPage(1);
      },
    },
  };
}

export type PagedSearch = ReturnType<typeof usePagedSearch>;

export function PagedList(props: {
  paged: PagedSearch;
  list: { isSuccess: boolean; data: { total: number; rows: readonly unknown[] } | undefined };
  /** Shown instead of the table while there are no records at all. */
  empty: ReactNode;
  /** "No drug matches": followed by “the search”. */
  noMatch: string;
  /** Singular and plural, for the footer's count. */
  noun: readonly [string, string];
  countTestId: string;
  /** The table. */
  children: ReactNode;
}) {
  const { paged, list } = props;
  const total = list.data?.total ?? 0;
  const rows = list.data?.rows ?? [];
  if (list.isSuccess && total === 0 && !paged.debounced) return props.empty;
  return (
    <>
      {props.children}
      {rows.length === 0 && list.isSuccess && (
        <Text c="dimmed">
          {props.noMatch} “{paged.debounced}”.
        </Text>
      )}
      <ListFooter
        total={total}
        noun={props.noun}
        page={paged.page}
        pageSize={LIST_PAGE_SIZE}
        onPage={paged.setPage}
        testId={props.countTestId}
      />
    </>
  );
}

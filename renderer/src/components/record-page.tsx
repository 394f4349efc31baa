/**
 * A page for one stored record at `…/:id`: the id read from the address, the record fetched, and
 * until it is there either "Loading the invoice" or, for an address that names no record (or a
 * record the service does not find), "Invoice not found" with the way back to the list.
 */
import { Alert, Anchor, Loader, Stack, type AnchorProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { Link, useParams } from 'react-router';

export interface RecordKind<T> {
  /** "invoice": "Loading the invoice", "Invoice not found". */
  noun: string;
  /** "an": "This address does not name an invoice." */
  article: 'a' | 'an';
  /** "invoices": the list at `#/invoices` ("← All invoices"), and the query key [list, id]. */
  list: string;
  get: (id: number) => Promise<T>;
}

export const recordKind = <T,>(
  noun: string,
  article: 'a' | 'an',
  list: string,
  get: (id: number) => Promise<T>,
): RecordKind<T> => ({ noun, article, list, get });

/** "← All invoices", linking back to the list. */
export function BackToList(props: { kind: RecordKind<unknown>; size?: AnchorProps['size'] }) {
  return (
    <Anchor component={Link} to={`/${props.kind.list}`} size={props.size}>
      ← All {props.kind.list}
    </Anchor>
  );
}

/** The query of one record, [list, id]: the record page's own, for any other view that shows the record. */
export const recordQuery = <T,>(kind: RecordKind<T>, id: number) => ({
  queryKey: [kind.list, id],
  queryFn: () => kind.get(id),
});

/**
 * The record named by the address. `data` is there only when it can be shown; until then show
 * `fallback` (the loader, or "not found" when the id is not one or the service refused it).
 */
export function useRecordQuery<T>(
  kind: RecordKind<T>,
  options: { staleTime?: number } = {},
): { data: T | undefined; fallback: ReactElement } {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const query = useQuery({ ...recordQuery(kind, id), enabled: valid, ...options });
  if (!valid || query.isError) {
    const title = `${kind.noun.charAt(0).toUpperCase()}${kind.noun.slice(1)} not found`;
    return {
      data: undefined,
      fallback: (
        <Stack maw={640}>
          <BackToList kind={kind} />
          <Alert color="red" title={title}>
            {query.error?.message ?? `This address does not name ${kind.article} ${kind.noun}.`}
          </Alert>
        </Stack>
      ),
    };
  }
  return { data: query.data, fallback: <Loader aria-label={`Loading the ${kind.noun}`} /> };
}

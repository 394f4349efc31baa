/**
 * The search box in the header: one place to type a patient's name, a claim, invoice or lot
 * number or an NDC and open the record, from any page. Ctrl/⌘+K goes to it from anywhere ("/"
 * too where the page has no search of its own: shell/use-keyboard-shortcuts.ts); the arrows move
 * through what was found, grouped by kind, and Enter opens the one picked (the first at first).
 * Case and accents do not matter: the service folds both sides (search:everything).
 */
import { Badge, Combobox, Group, Kbd, Loader, Stack, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { SEARCH_KINDS, type SearchHit, type SearchKind } from '../../../shared/api/search-channels';
import { STATUS_COLORS, STATUS_LABELS } from '../administrations/status-words';
import { call } from '../api';
import './global-search.css';

/** Fewer letters than this find too much to be useful: the box waits for more. */
const MIN_LENGTH = 2;

const GROUP_TITLES: Record<SearchKind, string> = {
  patient: 'Patients',
  claim: 'Claims',
  invoice: 'Invoices',
  lot: 'Lots',
  drug: 'Drugs',
};

const MORE_HINTS: Record<SearchKind, string> = {
  patient: 'More patients match: type more of the name.',
  claim: 'More claims start with this: type more of the number.',
  invoice: 'More invoices match: type more of the number.',
  lot: 'More lots match: type more of the lot number.',
  drug: 'More drugs match: type more of the name or the whole NDC.',
};

const isMac = /mac|iphone|ipad/i.test(navigator.platform);

export function GlobalSearch() {
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text.trim(), 150);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const enough = debounced.length >= MIN_LENGTH;
  const found = useQuery({
    queryKey: ['search', 'everything', debounced],
    queryFn: () => call('search:everything', { text: debounced }),
    enabled: enough,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
  const hits = enough ? (found.data?.hits ?? []) : [];
  const more = enough ? (found.data?.more ?? []) : [];

  // Ctrl/⌘+K from anywhere, also while typing in a form: the browser gives the key no other use here.
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  // New results: the first is the one Enter opens.
  useEffect(() => {
    if (hits.length > 0) combobox.selectFirstOption();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the results change
  }, [found.data]);

  const open = (index: string) => {
    const hit = hits[Number(index)];
    if (!hit) return;
    combobox.closeDropdown();
    setText('');
    input.current?.blur();
    void navigate(hit.path);
  };

  const groups = SEARCH_KINDS.map((kind) => ({
    kind,
    rows: hits.map((hit, index) => ({ hit, index })).filter((r) => r.hit.kind === kind),
  })).filter((g) => g.rows.length > 0);
  const waiting = enough && (found.isFetching || debounced !== text.trim());

  return (
    <Combobox store={combobox} onOptionSubmit={open} width={520} position="bottom-end" withinPortal>
      <Combobox.Target withExpandedAttribute>
        <TextInput
          ref={input}
          data-global-search
          aria-label="Search everything"
          placeholder="Patient, claim, invoice, lot or NDC"
          w={{ base: 340, lg: 380 }}
          value={text}
          autoComplete="off"
          spellCheck={false}
          rightSectionWidth={waiting ? 30 : 64}
          rightSection={
            waiting ? (
              <Loader size={14} />
            ) : (
              <Text size="xs" c="dimmed" component="span" aria-hidden>
                <Kbd size="xs">{isMac ? '⌘' : 'Ctrl'}</Kbd> <Kbd size="xs">K</Kbd>
              </Text>
            )
          }
          onChange={(e) => {
            setText(e.currentTarget.value);
            combobox.openDropdown();
          }}
          onFocus={() => {
            if (text.trim().length >= MIN_LENGTH) combobox.openDropdown();
          }}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(e) => {
            // Escape with the list already closed leaves the box (the list closes on the first).
            if (e.key === 'Escape' && !combobox.dropdownOpened) {
              setText('');
              e.currentTarget.blur();
            }
          }}
        />
      </Combobox.Target>

      <Combobox.Dropdown hidden={text.trim().length < MIN_LENGTH} data-testid="global-search-results">
        <Combobox.Options mah={480} style={{ overflowY: 'auto' }}>
          {groups.map((g) => (
            <Combobox.Group key={g.kind} label={GROUP_TITLES[g.kind]}>
              {g.rows.map(({ hit, index }) => (
                <Combobox.Option
                  key={index}
                  value={String(index)}
                  className="global-search-option"
                  data-testid={`global-search-${hit.kind}`}
                >
                  <HitRow hit={hit} />
                </Combobox.Option>
              ))}
              {more.includes(g.kind) && (
                <Text size="xs" c="dimmed" px="sm" pb={4}>
                  {MORE_HINTS[g.kind]}
                </Text>
              )}
            </Combobox.Group>
          ))}
          {enough && found.isSuccess && !waiting && hits.length === 0 && (
            <Combobox.Empty>
              <Text size="sm">Nothing matches “{debounced}”.</Text>
              <Text size="xs" c="dimmed">
                Search finds patients by name, account/MRN or member ID, claims by claim number, invoices by invoice
                number, lots by lot number, and drugs by name or NDC.
              </Text>
            </Combobox.Empty>
          )}
          {found.isError && <Combobox.Empty>{found.error.message}</Combobox.Empty>}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}

function HitRow({ hit }: { hit: SearchHit }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text size="sm" fw={500} truncate>
          {hit.label}
        </Text>
        <Text size="xs" c="dimmed" lineClamp={2}>
          {hit.detail}
        </Text>
      </Stack>
      {hit.status && (
        <Badge size="sm" variant="light" color={STATUS_COLORS[hit.status]} style={{ flexShrink: 0 }}>
          {STATUS_LABELS[hit.status]}
        </Badge>
      )}
    </Group>
  );
}

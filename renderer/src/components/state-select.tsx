/**
 * The state of an address: a searchable list that also takes what people type, "IL", "il",
 * "Illinois" or "illinois", and keeps it when Tab leaves the field (shared typed-input rules).
 * Typed text that names no state is left for the form's check to name.
 */
import { Select, type ComboboxItem, type SelectProps } from '@mantine/core';
import { useState } from 'react';
import { US_STATE_NAMES } from '../../../shared/domain/us-states';
import { readStateText, stateLabel } from '../../../shared/domain/typed-input';

const OPTIONS: ComboboxItem[] = Object.keys(US_STATE_NAMES).map((code) => ({ value: code, label: stateLabel(code) }));

const fold = (s: string) => s.toLowerCase().trim();

/** The state the text names first, then names and codes that begin with it, then any that contain it. */
function stateOptions(search: string): ComboboxItem[] {
  const q = fold(search);
  if (q === '') return OPTIONS;
  const exact = readStateText(search);
  const named = exact.ok ? exact.state : null;
  const rank = (o: ComboboxItem): number => {
    const name = fold(US_STATE_NAMES[o.value] ?? '');
    if (o.value === named) return 0;
    if (fold(o.value).startsWith(q) || name.startsWith(q)) return 1;
    return fold(o.label).includes(q) ? 2 : 3;
  };
  return OPTIONS.map((o) => ({ o, r: rank(o) }))
    .filter((x) => x.r < 3)
    .sort((a, b) => a.r - b.r)
    .map((x) => x.o);
}

export function StateSelect(
  props: Omit<SelectProps, 'data' | 'value' | 'onChange'> & { value: string; onChange: (code: string) => void },
) {
  const { value, onChange, onBlur, ...rest } = props;
  const [search, setSearch] = useState(value ? stateLabel(value) : '');
  return (
    <Select
      searchable
      allowDeselect={false}
      selectFirstOptionOnChange
      autoSelectOnBlur
      nothingFoundMessage="No state or territory by that name"
      {...rest}
      data={OPTIONS}
      filter={({ search: s }) => stateOptions(s)}
      value={value || null}
      onChange={(code) => {
        onChange(code ?? '');
        setSearch(code ? stateLabel(code) : '');
      }}
      searchValue={search}
      onSearchChange={setSearch}
      onBlur={(e) => {
        // `search` is what was typed (this render's), whatever the list has set since.
        const read = readStateText(search);
        if (read.ok) {
          if (read.state !== value) onChange(read.state);
          setSearch(stateLabel(read.state));
        }
        onBlur?.(e);
      }}
    />
  );
}

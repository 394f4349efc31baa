/**
 * A date typed as people write it ("01/05/2026" or "2026-01-05") or picked from a calendar. On
 * leaving the field the text becomes the ISO date that is stored (shared typed-input rules, the
 * same the imports use); text that is not a date stays as typed for the form's check to name.
 * The calendar button is left out of the Tab order, so Tab goes from field to field as a form's
 * keyboard user expects; Alt+Down in the field opens the calendar (as it opens a list).
 */
import { ActionIcon, Popover, TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { readDateText } from '../../../shared/domain/typed-input';
import { MonthCalendar } from './month-calendar';
import { todayIso } from './today';

export const DATE_PLACEHOLDER = 'MM/DD/YYYY';

export function DateField(
  props: Omit<TextInputProps, 'value' | 'onChange'> & { value: string; onChange: (text: string) => void },
) {
  const { value, onChange, onBlur, label, ...rest } = props;
  const [open, setOpen] = useState(false);
  const parsed = value.trim() === '' ? null : readDateText(value, 'Date');
  const selected = parsed?.ok ? parsed.date : null;
  const label_ = typeof label === 'string' ? label : (rest['aria-label'] ?? 'date');
  // "Pick the from date", not "Pick the from": a filter's label may be only "From" or "To".
  const name = /date|expir|birth/i.test(label_) ? label_ : `${label_} date`;
  return (
    <TextInput
      placeholder={DATE_PLACEHOLDER}
      {...rest}
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.altKey && e.key === 'ArrowDown' && !rest.disabled) {
          e.preventDefault();
          setOpen(true);
        }
        rest.onKeyDown?.(e);
      }}
      onBlur={(e) => {
        if (selected !== null && selected !== value) onChange(selected);
        onBlur?.(e);
      }}
      rightSectionWidth={34}
      rightSectionPointerEvents="all"
      rightSection={
        <Popover opened={open} onChange={setOpen} position="bottom-end" trapFocus returnFocus withinPortal shadow="md">
          <Popover.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Pick the ${name.toLowerCase()} from a calendar`}
              title="Calendar (Alt+Down in the field)"
              tabIndex={-1}
              disabled={rest.disabled}
              onClick={() => setOpen((o) => !o)}
            >
              <CalendarIcon />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown
            // Escape closes the calendar only, not the form or dialog the field is in.
            onKeyDown={(e) => {
              if (e.key !== 'Escape') return;
              e.stopPropagation();
              setOpen(false);
            }}
          >
            <MonthCalendar
              selected={selected}
              today={todayIso()}
              onPick={(iso) => {
                onChange(iso);
                setOpen(false);
              }}
            />
          </Popover.Dropdown>
        </Popover>
      }
    />
  );
}

function CalendarIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4" />
    </svg>
  );
}

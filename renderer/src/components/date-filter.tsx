/**
 * A date filter on a list: a DateField (typed US or ISO date, or picked from the calendar) that
 * applies a date only once it is whole. While someone types "01/0" the list stays as it was and
 * nothing is said; the date applies as soon as the text reads as a real day, on Enter, or on
 * leaving the field. Text that still cannot be read then shows the shared sentence beside the
 * field and filters nothing. An empty field removes the filter.
 */
import type { TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { DateField } from './date-field';
import { dateSettled, dateWhileTyping } from './date-filter-text';

export function DateFilter(
  props: Omit<TextInputProps, 'value' | 'onChange' | 'label'> & {
    label: string;
    /** The date applied (ISO), or '' for none. */
    value: string;
    onApply: (iso: string) => void;
  },
) {
  const { value, onApply, label, error, ...rest } = props;
  const [text, setText] = useState(value);
  const [message, setMessage] = useState<string | null>(null);
  // A change from outside (Clear filters, Back) replaces the text; the field's own applies do not.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setText(value);
    setMessage(null);
  }
  const apply = (iso: string) => {
    setSeen(iso);
    if (iso !== value) onApply(iso);
  };
  const settle = () => {
    const done = dateSettled(text, label);
    setText(done.text);
    setMessage(done.message);
    apply(done.apply);
  };

  return (
    <DateField
      {...rest}
      label={label}
      value={text}
      error={message ?? error}
      onChange={(t) => {
        setText(t);
        setMessage(null);
        const iso = dateWhileTyping(t, label);
        if (iso !== null) apply(iso);
      }}
      onBlur={settle}
      onKeyDown={(e) => {
        if (e.key === 'Enter') settle();
      }}
    />
  );
}

/**
 * One month of days to pick a date from, for the calendar button of a date field. Days are
 * buttons named in words ("Monday, January 5, 2026"); the arrow keys move a day or a week (into
 * the next or previous month as needed), Page Up and Page Down a month, Enter picks. Dates are
 * ISO text throughout and counted in UTC days (iso-date.ts), so no time zone moves a day.
 */
import { ActionIcon, Group, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { addDays, daysInMonth } from '../../../shared/domain/iso-date';
import { addMonths, MONTH_NAMES as MONTHS } from '../../../shared/domain/months';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number) => String(n).padStart(2, '0');
const isoOf = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
const weekdayOf = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

/** The same day of the month `months` away, or the month's last day ("Jan 31" + 1 → "Feb 28"). */
function sameDayMonthsAway(iso: string, months: number): string {
  const month = addMonths(iso.slice(0, 7), months);
  const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return isoOf(year, m, Math.min(Number(iso.slice(8, 10)), daysInMonth(year, m)));
}

export const dateInWords = (iso: string): string =>
  `${WEEKDAYS[weekdayOf(iso)]}, ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}, ${iso.slice(0, 4)}`;

export function MonthCalendar(props: { selected: string | null; today: string; onPick: (iso: string) => void }) {
  const [focused, setFocused] = useState(props.selected ?? props.today);
  const grid = useRef<HTMLTableElement>(null);
  const moved = useRef(false);
  const year = Number(focused.slice(0, 4));
  const month = Number(focused.slice(5, 7));
  const first = isoOf(year, month, 1);
  const lead = weekdayOf(first);
  const count = daysInMonth(year, month);
  const cells: (string | null)[] = [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length: count }, (_, i) => isoOf(year, month, i + 1)),
  ];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));

  // Focus follows the keys (not on first showing: the popover puts focus on the selected day).
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    grid.current?.querySelector<HTMLElement>(`[data-date="${focused}"]`)?.focus();
  }, [focused]);

  const move = (to: string) => {
    moved.current = true;
    setFocused(to);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const step: Record<string, () => string> = {
      ArrowLeft: () => addDays(focused, -1),
      ArrowRight: () => addDays(focused, 1),
      ArrowUp: () => addDays(focused, -7),
      ArrowDown: () => addDays(focused, 7),
      PageUp: () => sameDayMonthsAway(focused, -1),
      PageDown: () => sameDayMonthsAway(focused, 1),
    };
    const next = step[e.key];
    if (!next) return;
    e.preventDefault();
    move(next());
  };

  return (
    <div>
      <Group justify="space-between" mb={6} wrap="nowrap">
        <ActionIcon
          variant="subtle"
          aria-label="Previous month"
          data-mantine-stop-propagation="true"
          onClick={() => setFocused(sameDayMonthsAway(focused, -1))}
        >
          ‹
        </ActionIcon>
        <Text size="sm" fw={600} aria-live="polite">
          {MONTHS[month - 1]} {year}
        </Text>
        <ActionIcon
          variant="subtle"
          aria-label="Next month"
          data-mantine-stop-propagation="true"
          onClick={() => setFocused(sameDayMonthsAway(focused, 1))}
        >
          ›
        </ActionIcon>
      </Group>
      <table ref={grid} className="month-calendar" aria-label={`${MONTHS[month - 1]} ${year}`} onKeyDown={onKeyDown}>
        <thead>
          <tr>
            {WEEKDAYS.map((d) => (
              <th key={d} scope="col" abbr={d}>
                {d.slice(0, 2)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, w) => (
            <tr key={w}>
              {week.map((iso, d) =>
                iso === null ? (
                  <td key={d} />
                ) : (
                  <td key={d}>
                    <UnstyledButton
                      className="month-calendar-day"
                      data-date={iso}
                      // A dialog around the field leaves this Escape to the calendar (Mantine's own flag).
                      data-mantine-stop-propagation="true"
                      data-selected={iso === props.selected || undefined}
                      data-today={iso === props.today || undefined}
                      aria-label={dateInWords(iso)}
                      aria-pressed={iso === props.selected}
                      tabIndex={iso === focused ? 0 : -1}
                      data-autofocus={iso === focused || undefined}
                      onClick={() => props.onPick(iso)}
                    >
                      {Number(iso.slice(8, 10))}
                    </UnstyledButton>
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

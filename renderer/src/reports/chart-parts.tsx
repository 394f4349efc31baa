/**
 * What the report charts share: their colours and a tooltip that shows each amount exactly as the
 * table does. Each chart row carries, beside a bar's height (`paid`), the exact amount it came
 * from (`paidText`), and the tooltip prints that text, never the height. Nothing animates: a
 * report is read, not watched, and a bar caught mid-flight would sit under the wrong month.
 */
import type { ReactNode } from 'react';
import { usdFromFixed } from '../../../shared/domain/money';

/** Mantine's palette, written out: SVG fill attributes do not read CSS variables. */
export const CHART_COLORS = {
  expected: '#adb5bd', // gray 5
  paid: '#0ca678', // teal 7
  cost: '#f76707', // orange 7
  count: '#4c6ef5', // indigo 6
} as const;

/** The tooltip's text for an amount: "$1,087.92" from the row's exact `<key>Text`. */
export function exactUsd(value: unknown, _name: unknown, item: { dataKey?: unknown; payload?: unknown }): string {
  const row = item.payload as Record<string, unknown> | undefined;
  const exact = row?.[`${String(item.dataKey)}Text`];
  return typeof exact === 'string' ? usdFromFixed(exact) : String(value);
}

/**
 * The legend's names in the page's own text colour: a name written in its series' colour (the
 * default) is faint for the light gray of "Expected".
 */
export const legendText = (name: unknown): ReactNode => <span style={{ color: '#343a40' }}>{String(name)}</span>;

export const LEGEND_STYLE = { fontSize: 13 } as const;
export const TOOLTIP_STYLE = { fontSize: 13 } as const;
export const AXIS_TICK = { fontSize: 12 } as const;

/**
 * A person's text quoted back in a refusal: at most 80 characters of it and "…", whatever its
 * length, so a megabyte cell makes a one-line message (a 40 MB cell made 80 MB of CLI output).
 */
import { describe, expect, it } from 'vitest';
import { parseHcpcs } from '../../../shared/domain/hcpcs';
import { checkIcd10 } from '../../../shared/domain/icd10';
import { checkModifiers } from '../../../shared/domain/modifiers';
import { parseAmount } from '../../../shared/domain/money';
import { parseNdc } from '../../../shared/domain/ndc';
import { clipQuoted, QUOTED_TEXT_MAX } from '../../../shared/domain/quoted-text';

const MEGA = 'Z'.repeat(1_000_000);
const clipped = `${'Z'.repeat(80)}…`;

describe('clipQuoted', () => {
  it('keeps text of up to 80 characters whole and cuts longer text at 80 with an ellipsis', () => {
    expect(QUOTED_TEXT_MAX).toBe(80);
    expect(clipQuoted('')).toBe('');
    expect(clipQuoted('J3490')).toBe('J3490');
    expect(clipQuoted('a'.repeat(80))).toBe('a'.repeat(80));
    expect(clipQuoted('a'.repeat(81))).toBe(`${'a'.repeat(80)}…`);
    expect(clipQuoted(MEGA)).toBe(clipped);
  });

  it('never cuts a character written as two UTF-16 units in half', () => {
    const text = `${'a'.repeat(79)}😀${'b'.repeat(10)}`;
    expect(clipQuoted(text)).toBe(`${'a'.repeat(79)}…`);
    expect(clipQuoted(`${'a'.repeat(78)}😀${'b'.repeat(10)}`)).toBe(`${'a'.repeat(78)}😀…`);
  });
});

describe('the shared rules quote at most 80 characters of a megabyte input', () => {
  const messageOf = (r: { ok: boolean; error?: { message: string } } | { ok: false; message: string }): string => {
    expect(r.ok).toBe(false);
    return 'message' in r ? r.message : (r.error?.message ?? '');
  };

  it.each([
    ['an NDC', () => parseNdc(MEGA), `"${clipped}" contains characters other than digits and hyphens`],
    ['an NDC of digits', () => parseNdc('1'.repeat(1_000_000)), `"${'1'.repeat(80)}…" is not an NDC`],
    ['a HCPCS code', () => parseHcpcs(MEGA), `"${clipped}" is not a HCPCS code`],
    ['an ICD-10 code', () => checkIcd10(MEGA), `"${clipped}" is not an ICD-10-CM code`],
    [
      'a modifier',
      () =>
        checkModifiers({ container: 'single-dose', dateOfService: '2025-01-01', hasWastedLine: false }, [MEGA], null),
      `"${clipped}" on the given line is not a modifier`,
    ],
    ['an amount', () => parseAmount(MEGA), `"${clipped}" is 1000000 characters long`],
  ])('%s', (_, refuse, start) => {
    const message = messageOf(refuse());
    expect(message.startsWith(start)).toBe(true);
    expect(message.length).toBeLessThan(250);
  });
});

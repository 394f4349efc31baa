/**
 * JW / JZ modifier policy (domain.md §4).
 *
 * - JW marks the line for the amount DISCARDED from a single-dose container.
 * - JZ says nothing billable was discarded; required from DOS 2023-07-01 on single-dose
 *   containers with no JW line (optional 2023-01-01..06-30, so not added then).
 * - Never JW and JZ on one line (MODIFIERS_JW_JZ_TOGETHER); neither on a multi-dose container
 *   (MODIFIER_ON_MULTI_DOSE); JW never on the given line; no JW line when the billed units
 *   already cover the waste (an overpayment).
 * - A biller may override the modifiers with a reason. Overrides pass the same hard rules; an
 *   override that drops a required JZ or JW is allowed but warned (JZ_REQUIRED, JW_REQUIRED),
 *   because a payer edit will likely deny it and the biller may know something we do not.
 */
import type { Container } from './waste';
import { failure, type Failure, type Warning } from './result';
import { clipQuoted } from './quoted-text';

export const JW = 'JW';
export const JZ = 'JZ';

/** JZ became required for dates of service on or after this day. */
export const JZ_REQUIRED_FROM = '2023-07-01';

/** SV101-3..6: at most four modifiers on an 837P line. */
export const MAX_MODIFIERS_PER_LINE = 4;

export type ModifierOverride = { given?: string[]; wasted?: string[]; reason: string };

export type ModifierContext = {
  container: Container;
  dateOfService: string;
  /** True when a JW line is billed (billable waste exists). */
  hasWastedLine: boolean;
};

export type ModifierError =
  | 'MODIFIER_INVALID'
  | 'MODIFIERS_JW_JZ_TOGETHER'
  | 'MODIFIER_ON_MULTI_DOSE'
  | 'JW_ON_GIVEN_LINE'
  | 'JW_NOT_BILLABLE'
  | 'JZ_WITH_WASTE'
  | 'OVERRIDE_REASON_REQUIRED';

export type ModifierPlan = { given: string[]; wasted: string[] | null; warnings: Warning[] };

export const jzRequired = (ctx: ModifierContext): boolean =>
  ctx.container === 'single-dose' && !ctx.hasWastedLine && ctx.dateOfService >= JZ_REQUIRED_FROM;

/** What the rules put on each line when nobody overrides them. */
export function defaultModifiers(ctx: ModifierContext): { given: string[]; wasted: string[] | null } {
  if (ctx.container === 'multi-dose') return { given: [], wasted: null };
  if (ctx.hasWastedLine) return { given: [], wasted: [JW] };
  return { given: jzRequired(ctx) ? [JZ] : [], wasted: null };
}

/**
 * Check a set of modifiers against the hard rules (errors) and the requirements (warnings).
 * `wasted` is null when the claim has no JW line.
 */
export function checkModifiers(
  ctx: ModifierContext,
  given: readonly string[],
  wasted: readonly string[] | null,
): { ok: true; warnings: Warning[] } | Failure<ModifierError> {
  for (const [label, mods] of [
    ['given', given],
    ['JW', wasted],
  ] as const) {
    if (mods === null) continue;
    const formatError = checkFormat(label, mods);
    if (formatError) return formatError;
    const hasJw = mods.includes(JW);
    const hasJz = mods.includes(JZ);
    if (hasJw && hasJz) {
      return failure(
        'MODIFIERS_JW_JZ_TOGETHER',
        `The ${label} line has both JW and JZ; JW means some drug was discarded and JZ means none was, so a line carries one or the other.`,
      );
    }
    if ((hasJw || hasJz) && ctx.container === 'multi-dose') {
      return failure(
        'MODIFIER_ON_MULTI_DOSE',
        `The ${label} line has ${hasJw ? 'JW' : 'JZ'}, but JW and JZ apply only to single-dose containers; remove it for a multi-dose vial.`,
      );
    }
  }
  if (wasted !== null && !ctx.hasWastedLine) {
    return failure(
      'JW_NOT_BILLABLE',
      'There is no billable waste: the units billed on the given line already cover what was discarded, so a JW line would be an overpayment.',
    );
  }
  if (given.includes(JW)) {
    return failure(
      'JW_ON_GIVEN_LINE',
      'JW belongs on the separate line for the discarded amount, not on the line for the dose given.',
    );
  }
  if (ctx.hasWastedLine && given.includes(JZ)) {
    return failure(
      'JZ_WITH_WASTE',
      'JZ says no drug was discarded, but this claim bills discarded drug on a JW line; remove JZ or the waste.',
    );
  }

  const warnings: Warning[] = [];
  if (jzRequired(ctx) && !given.includes(JZ)) {
    warnings.push({
      code: 'JZ_REQUIRED',
      message: `JZ is required on single-dose container drugs with no discarded amount from DOS ${JZ_REQUIRED_FROM}; without it the line is likely to be returned.`,
    });
  }
  if (wasted !== null && !wasted.includes(JW)) {
    warnings.push({
      code: 'JW_REQUIRED',
      message: 'The line for the discarded amount has no JW modifier; payers require JW on discarded drug.',
    });
  }
  return { ok: true, warnings };
}

/** The default modifiers, or the biller's override checked against the same rules. */
export function resolveModifiers(
  ctx: ModifierContext,
  override?: ModifierOverride,
): ({ ok: true } & ModifierPlan) | Failure<ModifierError> {
  const defaults = defaultModifiers(ctx);
  if (!override) return { ok: true, ...defaults, warnings: [] };
  if (typeof override.reason !== 'string' || override.reason.trim() === '') {
    return failure(
      'OVERRIDE_REASON_REQUIRED',
      'Say why the modifiers are overridden; the reason is kept with the claim for audit.',
    );
  }
  const given = override.given ? override.given.map(normalize) : defaults.given;
  const wasted = override.wasted ? override.wasted.map(normalize) : defaults.wasted;
  const checked = checkModifiers(ctx, given, wasted);
  if (!checked.ok) return checked;
  return { ok: true, given, wasted, warnings: checked.warnings };
}

const normalize = (m: string): string => (typeof m === 'string' ? m.trim().toUpperCase() : '');

function checkFormat(label: string, mods: readonly string[]): Failure<'MODIFIER_INVALID'> | null {
  if (mods.length > MAX_MODIFIERS_PER_LINE) {
    return failure('MODIFIER_INVALID', `The ${label} line has ${mods.length} modifiers; a claim line takes at most 4.`);
  }
  const seen = new Set<string>();
  for (const m of mods) {
    if (!/^[A-Z0-9]{2}$/.test(m)) {
      return failure(
        'MODIFIER_INVALID',
        `"${clipQuoted(m)}" on the ${label} line is not a modifier; a modifier is 2 letters or digits, such as JW.`,
      );
    }
    if (seen.has(m)) return failure('MODIFIER_INVALID', `${m} appears twice on the ${label} line.`);
    seen.add(m);
  }
  return null;
}

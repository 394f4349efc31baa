/**
 * A new catalog drug filled from its package in the FDA NDC directory (issue 13 item 5).
 *
 * Policy: fill only what the directory says unambiguously in the catalog's own terms, and name
 * everything else so the person enters it; nothing here guesses.
 * - NDC: the package code as the FDA prints it (hyphenated 10 digits), so the printed form is kept.
 * - Names: generic = NONPROPRIETARYNAME; brand = PROPRIETARYNAME unless that is only the generic
 *   name again (generics list themselves under their generic name).
 * - Strength: one ingredient written "N unit/mL", "N unit/1" or "N unit/g" (per mL → NDC unit ML,
 *   per 1 → UN, per g → GR), in mg, mcg (the FDA's ug), g or units. "150 mg/1.2mL" is turned into
 *   its amount per mL only when the division is exact: a repeating decimal would be a guess.
 * - Package size: what the innermost level of the package description holds in that NDC unit
 *   ("> 5 mL in 1 VIAL" → 5); a pack of several containers is said aloud, since the catalog
 *   counts one container.
 * - Container: SINGLE-DOSE (or SINGLE-USE) / MULTI-DOSE in the package description.
 * - Route: one FDA route that has a catalog route; several routes, or one the catalog does not
 *   list, are left for the person.
 */
import { canonicalDecimal } from './field-rules';
import { Dec } from './money';
import type { NdcUnit, DoseUnit } from './units';
import type { Container } from './waste';
import type { Route } from './drug-catalog';

/** What the fill reads of a directory package (the fields of FdaPackageView it needs). */
export type FdaPackageFacts = {
  packageCode: string;
  packageDescription: string;
  proprietaryName: string;
  nonproprietaryName: string;
  route: string;
  strength: string;
  endMarketing: string | null;
  excluded: boolean;
};

/** The drug form's fields as the directory fills them; '' where it could not. */
export type FdaDrugFields = {
  ndc: string;
  genericName: string;
  brandName: string;
  strengthAmount: string;
  strengthUnit: DoseUnit | '';
  ndcUnit: NdcUnit | '';
  packageSize: string;
  container: Container | '';
  route: Route | '';
};

export type FdaFill = { fields: FdaDrugFields; notes: string[] };

const ROUTE_OF_FDA: Record<string, Route> = {
  INTRAVENOUS: 'IV',
  'INTRAVENOUS BOLUS': 'IV',
  'INTRAVENOUS DRIP': 'IV',
  SUBCUTANEOUS: 'SC',
  INTRAMUSCULAR: 'IM',
  INTRADERMAL: 'ID',
  INTRATHECAL: 'IT',
  INTRAOSSEOUS: 'IO',
  INTRAVITREAL: 'INTRAVITREAL',
  'INTRA-ARTICULAR': 'INTRA-ARTICULAR',
  INTRALESIONAL: 'INTRALESIONAL',
};

/** The catalog route for one FDA route name ("INTRAVENOUS" → IV); null when it has none. */
export function routeFromFda(fdaRoute: string): Route | null {
  return ROUTE_OF_FDA[fdaRoute.trim().toUpperCase()] ?? null;
}

// The FDA's unit words (UCUM) → the catalog's strength units.
const STRENGTH_UNIT_OF_FDA: Record<string, DoseUnit> = {
  mg: 'mg',
  ug: 'mcg',
  mcg: 'mcg',
  g: 'g',
  '[iu]': 'units',
  "[usp'u]": 'units',
  u: 'units',
};

const NDC_UNIT_OF_DENOMINATOR: Record<string, NdcUnit> = { '': 'UN', ml: 'ML', g: 'GR' };

// "2 mg/mL", "400 mg/1", "150 mg/1.2mL", "25 mg/g".
const STRENGTH = /^(\d+(?:\.\d+)?)\s*([^\s/]+)\s*\/\s*(\d+(?:\.\d+)?)?\s*([^\s/]*)$/;
const CATALOG_DECIMAL = /^\d{1,9}(\.\d{1,6})?$/;

type StrengthPart = { amount: string; unit: string; per: string; perUnit: string };

function strengthParts(strength: string): StrengthPart[] | null {
  const parts: StrengthPart[] = [];
  for (const raw of strength.split(';')) {
    const m = STRENGTH.exec(raw.trim());
    if (!m) return null;
    parts.push({ amount: m[1] ?? '', unit: m[2] ?? '', per: m[3] ?? '1', perUnit: (m[4] ?? '').toLowerCase() });
  }
  return parts;
}

const COUNT_WORDS = ['', 'one', 'two', 'three', 'four', 'five'];

export type FdaStrength =
  | { ok: true; amount: string; unit: DoseUnit; ndcUnit: NdcUnit }
  | { ok: false; ndcUnit: NdcUnit | null; problem: string };

/** The catalog's strength (amount of drug in one NDC unit) for an FDA strength, or why not. */
export function strengthFromFda(strength: string): FdaStrength {
  const text = strength.trim();
  if (text === '') return { ok: false, ndcUnit: null, problem: 'The directory gives no strength: enter it yourself.' };
  const parts = strengthParts(text);
  const units = parts?.map((p) => NDC_UNIT_OF_DENOMINATOR[p.perUnit] ?? null) ?? [];
  // Several ingredients per the same unit still say what one NDC unit is (per 1 → UN).
  const ndcUnit = units.length > 0 && units.every((u) => u !== null && u === units[0]) ? (units[0] ?? null) : null;
  const refuse = (problem: string): FdaStrength => ({ ok: false, ndcUnit, problem });
  if (parts === null) return refuse(`Strength ${text} is not written as an amount per unit: enter it yourself.`);
  if (parts.length > 1) {
    return refuse(`Strength ${text} has ${COUNT_WORDS[parts.length] ?? parts.length} ingredients: enter it yourself.`);
  }
  const part = parts[0] as StrengthPart;
  if (ndcUnit === null) {
    return refuse(`Strength ${text} is not per mL, per gram or per each: enter it yourself.`);
  }
  const unit = STRENGTH_UNIT_OF_FDA[part.unit.toLowerCase()];
  if (unit === undefined) {
    return refuse(
      `Strength ${text} is in ${part.unit}; the catalog writes strengths in mg, mcg, g or units: enter it yourself.`,
    );
  }
  const per = new Dec(part.per);
  if (per.isZero()) return refuse(`Strength ${text} is not written as an amount per unit: enter it yourself.`);
  const amount = new Dec(part.amount).dividedBy(per);
  const written = canonicalDecimal(amount.toFixed());
  if (!amount.times(per).equals(part.amount) || !CATALOG_DECIMAL.test(written) || amount.isZero()) {
    const per1 = ndcUnit === 'UN' ? 'each' : ndcUnit === 'GR' ? 'gram' : 'mL';
    return refuse(`Strength ${text} is not an exact amount per ${per1} the catalog can write: enter it yourself.`);
  }
  return { ok: true, amount: written, unit, ndcUnit };
}

// "(71336-1000-1)" after each level names the package; it says nothing about the contents.
const PACKAGE_CODE_NOTE = /\(\s*[\d-]+\s*\)/g;
// One level of a package description: "10 VIAL, SINGLE-DOSE in 1 TRAY", "5 mL in 1 VIAL, SINGLE-DOSE".
const LEVEL = /^(\d+(?:\.\d+)?)\s+(.+?)\s+in\s+1\s+(.+)$/i;
const MEASURES = new Set(['ml', 'l', 'g', 'kg', 'mg', 'ug', 'mcg', 'oz', 'lb', 'cm2']);
const MEASURE_OF_NDC_UNIT: Partial<Record<NdcUnit, string>> = { ML: 'ml', GR: 'g' };
const UNIT_WORD: Record<NdcUnit, string> = { ML: 'mL', GR: 'g', UN: '', F2: 'units', ME: 'mg' };

type Level = { count: string; what: string; inside: string };

function packageLevels(description: string): Level[] | null {
  const levels: Level[] = [];
  for (const raw of description.replace(PACKAGE_CODE_NOTE, ' ').split('>')) {
    const m = LEVEL.exec(raw.replace(/\s+/g, ' ').trim());
    if (!m) return null;
    levels.push({ count: m[1] ?? '', what: (m[2] ?? '').trim(), inside: (m[3] ?? '').trim() });
  }
  return levels;
}

/** A container word for a sentence: "VIAL, SINGLE-DOSE" → "vial". */
const containerWord = (s: string): string => (s.split(',')[0] ?? s).trim().toLowerCase();

export type FdaPackageSize = { ok: true; size: string; note: string | null } | { ok: false; problem: string };

/** How many NDC units one package holds, from the package description; or why it cannot say. */
export function packageSizeFromFda(description: string, ndcUnit: NdcUnit): FdaPackageSize {
  const enter = 'enter the package size yourself.';
  // A kit lists its parts after "*": no one size describes it.
  if (description.includes('*')) return { ok: false, problem: `The package is a kit: ${enter}` };
  const levels = packageLevels(description);
  if (levels === null || levels.length === 0) {
    return { ok: false, problem: `The package description cannot be read as a size: ${enter}` };
  }
  const measure = MEASURE_OF_NDC_UNIT[ndcUnit];
  let index = -1;
  for (let i = levels.length - 1; i >= 0 && index < 0; i--) {
    const what = (levels[i] as Level).what.toLowerCase();
    if (measure !== undefined ? what === measure : !MEASURES.has(what)) index = i;
  }
  const level = levels[index];
  if (level === undefined) {
    const how = measure !== undefined ? `how many ${UNIT_WORD[ndcUnit]}` : 'how many units (each)';
    return { ok: false, problem: `The package description does not say ${how} one package holds: ${enter}` };
  }
  const size = canonicalDecimal(level.count);
  if (!CATALOG_DECIMAL.test(size) || /^0+(\.0+)?$/.test(size)) {
    return { ok: false, problem: `The package description's ${level.count} is not a size the catalog takes: ${enter}` };
  }
  const outer = levels.slice(0, index);
  const packs = outer.reduce((n, l) => n.times(l.count), new Dec(1));
  const amount = measure !== undefined ? `${size} ${UNIT_WORD[ndcUnit]}` : size;
  const note = packs.greaterThan(1)
    ? `This NDC is a pack (${outer.map((l) => `${l.count} ${l.what} in 1 ${l.inside}`).join(', ')}): the package size filled is what one ${containerWord(level.inside)} holds, ${amount}.`
    : null;
  return { ok: true, size, note };
}

/** Single- or multi-dose as the package description says it; null when it says neither (or both). */
export function containerFromFda(description: string): Container | null {
  const text = description.toUpperCase();
  const single = /SINGLE-(DOSE|USE)/.test(text);
  const multi = /MULTI(PLE)?-DOSE/.test(text);
  if (single === multi) return null;
  return single ? 'single-dose' : 'multi-dose';
}

/** The drug form's fields from one directory package, with a sentence for each left empty. */
export function drugFieldsFromFda(pkg: FdaPackageFacts): FdaFill {
  const notes: string[] = [];
  const genericName = pkg.nonproprietaryName.trim();
  if (genericName === '') notes.push('The directory gives no generic name: enter it yourself.');
  const proprietary = pkg.proprietaryName.trim();
  const brandName = proprietary.toLowerCase() === genericName.toLowerCase() ? '' : proprietary;

  const strength = strengthFromFda(pkg.strength);
  if (!strength.ok) notes.push(strength.problem);
  const ndcUnit = strength.ndcUnit ?? '';
  let packageSize = '';
  if (ndcUnit === '') {
    notes.push('Choose the NDC unit and enter the package size yourself.');
  } else {
    const size = packageSizeFromFda(pkg.packageDescription, ndcUnit);
    if (size.ok) {
      packageSize = size.size;
      if (size.note) notes.push(size.note);
    } else {
      notes.push(size.problem);
    }
  }

  const container = containerFromFda(pkg.packageDescription);
  if (container === null) {
    notes.push('The package description does not say single-dose or multi-dose: choose the container.');
  }

  const fdaRoutes = pkg.route
    .split(';')
    .map((r) => r.trim())
    .filter((r) => r !== '');
  const route = fdaRoutes.length === 1 ? routeFromFda(fdaRoutes[0] as string) : null;
  if (fdaRoutes.length === 0) notes.push('The directory gives no route: choose the usual one.');
  else if (fdaRoutes.length > 1) notes.push(`The directory lists several routes (${pkg.route}): choose the usual one.`);
  else if (route === null) {
    notes.push(`Route ${pkg.route} is not one of the catalog's routes: choose the usual one (OTHER when none fits).`);
  }

  return {
    fields: {
      ndc: pkg.packageCode,
      genericName,
      brandName,
      strengthAmount: strength.ok ? strength.amount : '',
      strengthUnit: strength.ok ? strength.unit : '',
      ndcUnit,
      packageSize,
      container: container ?? '',
      route: route ?? '',
    },
    notes,
  };
}

/** What the directory says against billing this package: an end of marketing, an exclusion. */
export function fdaPackageWarnings(pkg: Pick<FdaPackageFacts, 'endMarketing' | 'excluded'>): string[] {
  const warnings: string[] = [];
  if (pkg.endMarketing) warnings.push(`The FDA directory lists this package as marketed until ${pkg.endMarketing}.`);
  if (pkg.excluded) {
    warnings.push('The FDA directory lists this package as excluded: check the NDC on the package before billing it.');
  }
  return warnings;
}

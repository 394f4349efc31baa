/**
 * The reference starter set bundled in resources/reference (its README.md says what each column
 * means): the NOC codes and what they require of a drug, and the drugs known to have moved off
 * J3490 to a code of their own.
 *
 * Policy:
 * - The folder is found like the PDF fonts (resources-dir.ts): walking up from this module's folder
 *   to `resources/reference`, so the bundled main, the CLI (tsx) and vitest all find it; a
 *   packaged app also looks under Electron's `process.resourcesPath`.
 * - These are our own files, so any malformed row is a programming error: the whole set is
 *   refused with an Error naming the file and line, never loaded in part.
 * - Read on every call (two files of a few hundred bytes); callers keep the result.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isNocCode, parseHcpcs } from '../../../shared/domain/hcpcs';
import { parseIsoDate } from '../../../shared/domain/iso-date';
import { Dec } from '../../../shared/domain/money';
import { parseNdc } from '../../../shared/domain/ndc';
import {
  CARE_SETTINGS,
  genericNameKey,
  isUnconfirmedSource,
  NDC_SCOPES,
  NOC_CLASS_RULES,
  NOC_ROUTE_RULES,
  productNdc9,
  type CareSetting,
  type NocCodeRule,
  type StarterSet,
  type StarterSpecificCode,
} from '../../../shared/domain/reference-codes';
import { DOSE_UNITS } from '../../../shared/domain/units';
import { csvTable } from '../imports/csv-table';
import { findResourcesDir } from '../resources-dir';

export type { NocCodeRule, StarterSet, StarterSpecificCode };

const NOC_FILE = 'noc-codes.csv';
const SPECIFIC_FILE = 'specific-codes.csv';

const NOC_COLUMNS = ['hcpcs', 'descriptor', 'applies_to', 'route_rule', 'class_rule', 'setting', 'source'] as const;

const SPECIFIC_COLUMNS = [
  'drug',
  'generic_name',
  'ndc',
  'ndc_scope',
  'noc_code_before',
  'hcpcs',
  'descriptor',
  'billing_unit_amount',
  'billing_unit',
  'effective_from',
  'effective_from_confirmed',
  'setting',
  'source',
] as const;

/** The folder holding the starter set: the first `resources/reference` found walking up from here. */
export function findReferenceDir(start: string = __dirname): string {
  const dir = findResourcesDir('reference', NOC_FILE, start);
  if (dir === null) {
    throw new Error(`The reference starter set (resources/reference/${NOC_FILE}) was not found above ${start}.`);
  }
  return dir;
}

/** Read and check both files of the starter set in `dir` (found as above when not given). */
export function loadStarterSet(dir: string = findReferenceDir()): StarterSet {
  return {
    nocCodes: readRows(dir, NOC_FILE, NOC_COLUMNS, nocCodeRow),
    specificCodes: readRows(dir, SPECIFIC_FILE, SPECIFIC_COLUMNS, specificCodeRow),
  };
}

type Cells<C extends string> = Record<C, string>;

/** A row's refusal; `readRows` adds the file and line. */
class RowProblem extends Error {}

function readRows<C extends string, R>(
  dir: string,
  file: string,
  columns: readonly C[],
  toRow: (cells: Cells<C>, earlier: readonly R[]) => R,
): R[] {
  const table = csvTable(readFileSync(join(dir, file), 'utf8'), file);
  const [header = [], ...body] = table.rows;
  const [headerLine = 1, ...lines] = table.lines;
  if (header.join(',') !== columns.join(',')) {
    throw new Error(`${file} line ${headerLine}: the columns must be ${columns.join(',')}, not ${header.join(',')}.`);
  }
  const rows: R[] = [];
  body.forEach((cells, i) => {
    const line = lines[i] ?? i + 2;
    if (cells.every((c) => c === '')) return; // a blank line
    try {
      if (cells.length !== columns.length) {
        throw new RowProblem(`it has ${cells.length} cells, the header ${columns.length}.`);
      }
      const named = Object.fromEntries(columns.map((c, k) => [c, cells[k] ?? ''])) as Cells<C>;
      rows.push(toRow(named, rows));
    } catch (e) {
      if (e instanceof RowProblem) throw new Error(`${file} line ${line}: ${e.message}`);
      throw e;
    }
  });
  if (rows.length === 0) throw new Error(`${file} has no rows.`);
  return rows;
}

function nocCodeRow(c: Cells<(typeof NOC_COLUMNS)[number]>, earlier: readonly NocCodeRule[]): NocCodeRule {
  const hcpcs = code(c.hcpcs, 'hcpcs');
  if (!isNocCode(hcpcs)) throw new RowProblem(`${hcpcs} is not one of the NOC drug codes (hcpcs.ts).`);
  if (earlier.some((r) => r.hcpcs === hcpcs)) throw new RowProblem(`${hcpcs} is listed twice.`);
  const setting = oneOf(c.setting, 'setting', ['', ...CARE_SETTINGS]);
  return {
    hcpcs,
    descriptor: required(c.descriptor, 'descriptor'),
    appliesTo: required(c.applies_to, 'applies_to'),
    routeRule: oneOf(c.route_rule, 'route_rule', NOC_ROUTE_RULES),
    classRule: oneOf(c.class_rule, 'class_rule', NOC_CLASS_RULES),
    setting: setting === '' ? null : setting,
    source: required(c.source, 'source'),
    unconfirmed: isUnconfirmedSource(c.source),
  };
}

function specificCodeRow(
  c: Cells<(typeof SPECIFIC_COLUMNS)[number]>,
  earlier: readonly StarterSpecificCode[],
): StarterSpecificCode {
  const genericName = required(c.generic_name, 'generic_name');
  const ndcScope = oneOf(c.ndc_scope, 'ndc_scope', NDC_SCOPES);
  const matchKey = matchKeyOf(ndcScope, c.ndc, genericName);
  const hcpcs = code(c.hcpcs, 'hcpcs');
  if (isNocCode(hcpcs)) throw new RowProblem(`hcpcs ${hcpcs} is a NOC code, not a specific one.`);
  if (earlier.some((r) => r.matchKey === matchKey && r.hcpcs === hcpcs)) {
    throw new RowProblem(`${hcpcs} for ${c.ndc || genericName} is listed twice.`);
  }
  const nocCodesBefore = required(c.noc_code_before, 'noc_code_before')
    .split('|')
    .map((s) => code(s, 'noc_code_before'));
  const notNoc = nocCodesBefore.find((s) => !isNocCode(s));
  if (notNoc) throw new RowProblem(`noc_code_before ${notNoc} is not a NOC drug code.`);
  const effectiveFrom = optionalDate(c.effective_from);
  const effectiveFromConfirmed = oneOf(c.effective_from_confirmed, 'effective_from_confirmed', ['yes', 'no']) === 'yes';
  if (effectiveFromConfirmed && effectiveFrom === null) {
    throw new RowProblem('effective_from_confirmed is yes but effective_from is empty.');
  }
  return {
    drug: required(c.drug, 'drug'),
    genericName,
    ndc: c.ndc,
    ndcScope,
    matchKey,
    nocCodesBefore,
    hcpcs,
    descriptor: required(c.descriptor, 'descriptor'),
    billingUnit: billingUnit(c.billing_unit_amount, c.billing_unit),
    effectiveFrom,
    effectiveFromConfirmed,
    setting: oneOf(c.setting, 'setting', CARE_SETTINGS) satisfies CareSetting,
    source: required(c.source, 'source'),
    unconfirmed: isUnconfirmedSource(c.source),
  };
}

function matchKeyOf(scope: StarterSpecificCode['ndcScope'], ndc: string, genericName: string): string {
  switch (scope) {
    case 'package': {
      const r = parseNdc(ndc);
      if (!r.ok || !ndc.includes('-')) {
        throw new RowProblem(`ndc "${ndc}" is not a package NDC as printed (e.g. 71336-1000-01).`);
      }
      return r.ndc11;
    }
    case 'product': {
      const key = productNdc9(ndc);
      if (key === null) throw new RowProblem(`ndc "${ndc}" is not a product NDC (labeler-product, e.g. 71336-1003).`);
      return key;
    }
    case 'generic-name':
      if (ndc !== '') throw new RowProblem(`ndc must be empty when ndc_scope is generic-name, not "${ndc}".`);
      return genericNameKey(genericName);
  }
}

function billingUnit(amount: string, unit: string): StarterSpecificCode['billingUnit'] {
  if (amount === '' && unit === '') return null;
  if (!/^\d+(\.\d+)?$/.test(amount) || new Dec(amount).isZero()) {
    throw new RowProblem(`billing_unit_amount "${amount}" is not a positive number.`);
  }
  return { amount, unit: oneOf(unit, 'billing_unit', DOSE_UNITS) };
}

function optionalDate(text: string): string | null {
  if (text === '') return null;
  const r = parseIsoDate(text, 'effective_from');
  if (!r.ok) throw new RowProblem(r.error.message);
  return r.date;
}

function code(text: string, column: string): string {
  const r = parseHcpcs(text);
  if (!r.ok || r.hcpcs !== text) throw new RowProblem(`${column} "${text}" is not a HCPCS code written as J3490.`);
  return r.hcpcs;
}

function required(text: string, column: string): string {
  if (text === '') throw new RowProblem(`${column} is empty.`);
  return text;
}

function oneOf<const T extends string>(text: string, column: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(text)) return text as T;
  const named = allowed.map((a) => (a === '' ? '(empty)' : a)).join(', ');
  throw new RowProblem(`${column} must be one of ${named}, not "${text}".`);
}

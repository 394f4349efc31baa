/**
 * The transition tracker (issue 13 item 6): every drug billed under a NOC code, with when and how
 * much, the specific code that covers it now (or will), how many claims went out under the NOC
 * code on or after that code's date, and the checklist of the move (charge master, fee schedules,
 * staff, payers' contracts) with who ticked each item and when.
 *
 * The repository streams the administrations; the sums are kept per drug in integer cents (the
 * estimate's decimal strings are read exactly, never as floats), and the code check's candidates
 * decide the specific code as of the practice's today.
 */
import {
  TRANSITION_ITEMS,
  type SpecificCodeView,
  type TransitionItem,
  type TransitionRow,
} from '../../../shared/api/reference-channels';
import { centsText } from '../../../shared/domain/cents-text';
import { specificCodeFinding, type SpecificCodeCandidate } from '../../../shared/domain/code-check';
import type { CellValue } from '../../../shared/domain/export-cells';
import { parseCents } from '../../../shared/domain/money';
import { formatNdc542 } from '../../../shared/domain/ndc';
import { AppError } from '../app-error';
import type { ServiceContext } from '../context';
import type { ExportColumn, ExportTable } from '../reports/export-file';
import type { AuditLog } from '../repositories/audit-log';
import {
  transitionRepository,
  type ChecklistRow,
  type NocAdministrationRow,
} from '../repositories/transition-repository';
import type { CodeChecker } from './code-checker';

type TransitionState = TransitionRow['state'];

export const TRANSITION_ITEM_LABELS: Readonly<Record<TransitionItem, string>> = {
  'charge-master': 'Charge master updated',
  'fee-schedules': 'Fee schedules reviewed',
  'staff-told': 'Staff told',
  'payer-contracts': 'Payers’ contracts checked',
};

const STATE_WORDS: Readonly<Record<TransitionState, string>> = {
  'in-force': 'In force',
  upcoming: 'Upcoming',
  'date-unknown': 'Date not on file',
  none: 'No specific code',
};

/** What one drug's administrations add up to while they stream past. */
type DrugTally = {
  ndc11: string;
  genericName: string;
  brandName: string;
  nocCodes: Set<string>;
  first: string;
  last: string;
  count: number;
  billedCents: number;
  expectedCents: number;
  /** Administrations per date of service, to count those on or after the specific code's date. */
  byDate: Map<string, number>;
};

/** "61234.56" → cents, exactly; an estimate total that cannot be read adds nothing. */
function centsOf(text: string | null): number {
  if (text === null) return 0;
  const parsed = parseCents(text, { allowNegative: true });
  return parsed.ok ? parsed.cents : 0;
}

function tally(rows: Iterable<NocAdministrationRow>): Map<string, DrugTally> {
  const drugs = new Map<string, DrugTally>();
  for (const r of rows) {
    let t = drugs.get(r.ndc11);
    if (!t) {
      t = {
        ndc11: r.ndc11,
        genericName: r.genericName,
        brandName: r.brandName,
        nocCodes: new Set(),
        first: r.dateOfService,
        last: r.dateOfService,
        count: 0,
        billedCents: 0,
        expectedCents: 0,
        byDate: new Map(),
      };
      drugs.set(r.ndc11, t);
    }
    t.nocCodes.add(r.hcpcs);
    if (r.dateOfService < t.first) t.first = r.dateOfService;
    if (r.dateOfService > t.last) t.last = r.dateOfService;
    t.count += 1;
    t.billedCents += r.billedCents;
    t.expectedCents += centsOf(r.payerPays) + centsOf(r.patientPays);
    t.byDate.set(r.dateOfService, (t.byDate.get(r.dateOfService) ?? 0) + 1);
  }
  return drugs;
}

/**
 * The specific code to move to as of `today`: the one in force (the latest to take effect, as the
 * code check picks), else the next to take effect, else one whose date no source gives. Codes of
 * the hospital outpatient department count only for a drug billed there under C9399.
 */
function chooseCode(
  candidates: readonly SpecificCodeCandidate[],
  nocCodes: ReadonlySet<string>,
  today: string,
): { state: TransitionState; code: SpecificCodeCandidate | null } {
  const applicable = candidates.filter(
    (c) =>
      c.setting === 'any' || c.setting === 'office' || (c.setting === 'hospital-outpatient' && nocCodes.has('C9399')),
  );
  const byDate = (a: SpecificCodeCandidate, b: SpecificCodeCandidate): number =>
    (a.effectiveFrom ?? '').localeCompare(b.effectiveFrom ?? '');
  const inForce = applicable
    .filter(
      (c) =>
        c.effectiveFrom !== null && c.effectiveFrom <= today && (c.terminatedOn === null || today <= c.terminatedOn),
    )
    .sort(byDate);
  const latest = inForce[inForce.length - 1];
  if (latest) return { state: 'in-force', code: latest };
  const next = applicable.filter((c) => c.effectiveFrom !== null && c.effectiveFrom > today).sort(byDate)[0];
  if (next) return { state: 'upcoming', code: next };
  const undated = applicable.find((c) => c.effectiveFrom === null);
  if (undated) return { state: 'date-unknown', code: undated };
  return { state: 'none', code: null };
}

const STATE_ORDER: Readonly<Record<TransitionState, number>> = {
  'in-force': 1,
  upcoming: 2,
  'date-unknown': 3,
  none: 4,
};

/** Claims still going out under a NOC code although the specific code is in force come first. */
function rank(row: TransitionRow): number {
  return row.state === 'in-force' && row.afterEffective > 0 ? 0 : STATE_ORDER[row.state];
}

function compareRows(a: TransitionRow, b: TransitionRow): number {
  return (
    rank(a) - rank(b) ||
    a.genericName.localeCompare(b.genericName, 'en', { sensitivity: 'base' }) ||
    a.brandName.localeCompare(b.brandName, 'en', { sensitivity: 'base' }) ||
    a.ndc11.localeCompare(b.ndc11)
  );
}

/** "vutrisiran (Amvuttra)", as the code check names a drug. */
function drugName(row: Pick<TransitionRow, 'ndc11' | 'genericName' | 'brandName'>): string {
  if (row.genericName === '') return `NDC ${formatNdc542(row.ndc11)}`;
  return row.brandName ? `${row.genericName} (${row.brandName})` : row.genericName;
}

// The day in the machine's own time zone, the practice's (as ctx.today()): a tick at 8 pm in
// Chicago is that day's, not the next UTC day's.
const DAY = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });

/** "Done Dec 6, 2026 by jsmith", or "" for an item not ticked. */
function checklistCell(item: TransitionRow['checklist'][number]): string {
  if (item.doneAt === null) return '';
  const at = new Date(item.doneAt);
  const day = Number.isNaN(at.getTime()) ? item.doneAt : DAY.format(at);
  return `Done ${day} by ${item.doneBy ?? 'someone not recorded'}`;
}

const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: 'Drug', kind: 'text' },
  { header: 'NDC', kind: 'text' },
  { header: 'NOC codes', kind: 'text' },
  { header: 'First date of service', kind: 'date' },
  { header: 'Last date of service', kind: 'date' },
  { header: 'Administrations', kind: 'count' },
  { header: 'Billed', kind: 'money' },
  { header: 'Expected', kind: 'money' },
  { header: 'Specific code', kind: 'text' },
  { header: 'Descriptor', kind: 'text' },
  { header: 'Effective from', kind: 'date' },
  { header: 'Status', kind: 'text' },
  { header: 'Billed after the code’s date', kind: 'count' },
  ...TRANSITION_ITEMS.map((item) => ({ header: TRANSITION_ITEM_LABELS[item], kind: 'text' as const })),
];

function exportCells(row: TransitionRow): CellValue[] {
  return [
    drugName(row),
    formatNdc542(row.ndc11),
    row.nocCodes.join(', '),
    row.firstDateOfService,
    row.lastDateOfService,
    row.administrations,
    row.billed,
    row.expected,
    row.specificCode?.hcpcs ?? '',
    row.specificCode?.descriptor ?? '',
    row.specificCode?.effectiveFrom ?? '',
    STATE_WORDS[row.state],
    row.afterEffective,
    ...row.checklist.map(checklistCell),
  ];
}

export function transitionService(ctx: ServiceContext, audit: AuditLog, codes: CodeChecker) {
  const repo = transitionRepository(ctx.db, audit);

  function rowOf(t: DrugTally, ticked: readonly ChecklistRow[], today: string): TransitionRow {
    const nocCodes = [...t.nocCodes].sort();
    const { state, code } = chooseCode(codes.candidates(t.ndc11, t.genericName), t.nocCodes, today);
    const specificCode: SpecificCodeView | null = code ? specificCodeFinding(code, null, null) : null;
    let afterEffective = 0;
    if ((state === 'in-force' || state === 'upcoming') && specificCode) {
      for (const [date, n] of t.byDate) if (date >= specificCode.effectiveFrom) afterEffective += n;
    }
    return {
      ndc11: t.ndc11,
      genericName: t.genericName,
      brandName: t.brandName,
      nocCodes,
      firstDateOfService: t.first,
      lastDateOfService: t.last,
      administrations: t.count,
      billed: centsText(t.billedCents),
      expected: centsText(t.expectedCents),
      specificCode,
      state,
      afterEffective,
      checklist: TRANSITION_ITEMS.map((item) => {
        const done = ticked.find((c) => c.item === item);
        return {
          item,
          label: TRANSITION_ITEM_LABELS[item],
          doneAt: done?.doneAt ?? null,
          doneBy: done?.doneBy ?? null,
        };
      }),
    };
  }

  function list(): TransitionRow[] {
    const today = ctx.today();
    const ticked = new Map<string, ChecklistRow[]>();
    for (const c of repo.checklist()) {
      const items = ticked.get(c.ndc11);
      if (items) items.push(c);
      else ticked.set(c.ndc11, [c]);
    }
    return [...tally(repo.nocAdministrations()).values()]
      .map((t) => rowOf(t, ticked.get(t.ndc11) ?? [], today))
      .sort(compareRows);
  }

  return {
    list,

    /** Tick or untick an item; the drug's row as it now stands (null when no NOC claim lists it). */
    setItem(ndc11: string, item: TransitionItem, done: boolean): TransitionRow | null {
      if (!repo.knowsDrug(ndc11)) {
        throw new AppError(
          'DRUG_NOT_FOUND',
          `NDC ${formatNdc542(ndc11)} was never billed under an unclassified drug code and is not in the drug catalog, so there is no move to a specific code to track for it.`,
        );
      }
      repo.setItem(ndc11, item, done, ctx.now(), ctx.actor);
      const t = tally(repo.nocAdministrationsOf(ndc11)).get(ndc11);
      return t ? rowOf(t, repo.checklistOf(ndc11), ctx.today()) : null;
    },

    /** The tracker as people read it, for CSV and XLSX. */
    exportTable(): ExportTable {
      const rows = list();
      return {
        fileStem: `code-transitions-${ctx.today()}`,
        sheetName: 'Code transitions',
        columns: EXPORT_COLUMNS,
        rows: rows.map(exportCells),
      };
    },
  };
}
export type TransitionService = ReturnType<typeof transitionService>;

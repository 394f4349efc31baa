/**
 * The Suppliers page's words and matching, kept pure so they are tested without a browser:
 * search over name, account number and notes ignoring case and accents; which names look like
 * one supplier entered twice ("McKesson" and "Mckesson Corp."); and what a merge will do, said
 * the way the confirmation says it.
 */
import { foldForSearch, foldedMatch } from '../../../shared/domain/search-fold';
import type { Supplier } from '../../../shared/domain/invoice';
import type { SupplierMergePlan } from '../../../shared/api/supplier-record-channels';

/** True when every word typed is in the supplier's name, account number or notes. */
export function supplierMatches(s: Pick<Supplier, 'name' | 'accountNumber' | 'notes'>, search: string): boolean {
  return search.trim() === '' || foldedMatch(`${s.name} ${s.accountNumber} ${s.notes}`, search.trim());
}

/** Words a company name carries that do not tell one supplier from another. */
const COMPANY_WORDS = new Set([
  'the',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'llc',
  'ltd',
  'limited',
  'lp',
  'llp',
  'plc',
]);

/**
 * A name reduced to what identifies the business: folded, "&" read as "and", punctuation,
 * spaces and company words dropped. "McKesson", "Mckesson Corp." and "MCKESSON, INC." agree;
 * "McKesson Specialty" does not (it may well be a different account).
 */
export function supplierNameKey(name: string): string {
  return foldForSearch(name)
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !COMPANY_WORDS.has(w))
    .join('');
}

/** The other suppliers whose name looks like the same business as `supplier`'s, by name. */
export function likelySame<S extends Pick<Supplier, 'id' | 'name'>>(supplier: S, all: readonly S[]): S[] {
  const key = supplierNameKey(supplier.name);
  if (key === '') return [];
  return all.filter((o) => o.id !== supplier.id && supplierNameKey(o.name) === key);
}

const invoices = (n: number): string => `${n} ${n === 1 ? 'invoice' : 'invoices'}`;

/**
 * The confirmation's sentences: first what moves and what is removed ("12 invoices and the
 * remembered column choices move to McKesson; Mckesson Corp. is removed."), then what does not
 * come along, so nobody finds out afterwards.
 */
export function mergeWords(plan: SupplierMergePlan): { summary: string; notes: string[] } {
  const { keep, merge } = plan;
  const moving: string[] = [];
  if (plan.invoicesMoving > 0) moving.push(invoices(plan.invoicesMoving));
  if (plan.columnChoices === 'move') moving.push('the remembered column choices for invoice files');
  const verb = moving.length === 1 && plan.invoicesMoving === 1 ? 'moves' : 'move';
  const summary =
    moving.length > 0
      ? `${moving.join(' and ')} ${verb} to ${keep.name}; ${merge.name} is removed.`
      : `${merge.name} has no invoices; it is removed and ${keep.name} stays as it is.`;

  const notes: string[] = [];
  if (plan.columnChoices === 'keep-own') {
    notes.push(
      `${keep.name} keeps its own remembered column choices for invoice files; those of ${merge.name} are dropped.`,
    );
  }
  const account = merge.accountNumber !== '' && merge.accountNumber !== keep.accountNumber;
  const ownNotes = merge.notes !== '' && merge.notes !== keep.notes;
  if (account || ownNotes) {
    const what = [account ? `account number (${merge.accountNumber})` : '', ownNotes ? 'notes' : '']
      .filter(Boolean)
      .join(' and ');
    const [isAre, itThem] = account && !ownNotes ? ['is', 'it'] : ['are', 'them'];
    notes.push(
      `${merge.name}’s ${what} ${isAre} not kept: copy ${itThem} to ${keep.name} first if you still need ${itThem}.`,
    );
  }
  return { summary, notes };
}

const DAY = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

/** "2025-02-20" → "Feb 20, 2025" (a calendar day, so no time zone can move it). */
export function dayText(isoDate: string): string {
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  return Number.isNaN(ms) ? isoDate : DAY.format(ms);
}

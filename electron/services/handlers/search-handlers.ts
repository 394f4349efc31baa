/**
 * The search box in the header (issue 14): a few records of each kind matching what was typed,
 * each with the words that name it, a line that tells it from similar ones, and where it opens.
 * Claims open their administration, lots the invoice they were bought on, drugs the catalog
 * searched for their NDC (there is no page of one drug).
 */
import { SEARCH_HITS_PER_KIND, type SearchHit, type SearchKind } from '../../../shared/api/search-channels';
import { formatNdc542 } from '../../../shared/domain/ndc';
import type { ServiceContext } from '../context';
import type { AuditLog } from '../repositories/audit-log';
import {
  searchRepository,
  type ClaimFound,
  type DrugFound,
  type InvoiceFound,
  type LotFound,
  type PatientFound,
} from '../repositories/search-repository';
import type { HandlersFor } from './handler-types';

// Dates are calendar days: formatted as written, whatever the machine's time zone.
const DAY = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
const day = (iso: string): string => {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(ms) ? iso : DAY.format(ms);
};

const drugName = (genericName: string | null, brandName: string | null): string =>
  genericName === null ? 'A drug not in the catalog' : brandName ? `${genericName} (${brandName})` : genericName;

const parts = (...texts: (string | false | null)[]): string => texts.filter(Boolean).join(' · ');

const patientHit = (p: PatientFound): SearchHit => ({
  kind: 'patient',
  label: `${p.lastName}, ${p.firstName}`,
  detail: parts(
    `Born ${day(p.dateOfBirth)}`,
    `Account ${p.accountNumber}`,
    p.memberId !== '' && (p.payerName ? `${p.payerName} member ID ${p.memberId}` : `member ID ${p.memberId}`),
  ),
  path: `/patients/${p.id}`,
});

const claimHit = (c: ClaimFound): SearchHit => ({
  kind: 'claim',
  label: `Claim ${c.claimNumber}`,
  detail: parts(c.patientName, drugName(c.genericName, c.brandName), `given ${day(c.dateOfService)}`),
  path: `/administrations/${c.id}`,
  status: c.status,
});

const invoiceHit = (i: InvoiceFound): SearchHit => ({
  kind: 'invoice',
  label: `Invoice ${i.invoiceNumber}`,
  detail: parts(i.supplierName, day(i.invoiceDate)),
  path: `/invoices/${i.id}`,
});

const lotHit = (l: LotFound): SearchHit => ({
  kind: 'lot',
  label: `Lot ${l.lotNumber}`,
  detail: parts(
    drugName(l.genericName, l.brandName),
    `NDC ${formatNdc542(l.ndc11)}`,
    `expires ${day(l.expiryDate)}`,
    `invoice ${l.invoiceNumber} from ${l.supplierName}`,
  ),
  path: `/invoices/${l.invoiceId}`,
});

const drugHit = (d: DrugFound): SearchHit => ({
  kind: 'drug',
  label: drugName(d.genericName, d.brandName),
  detail: parts(`NDC ${formatNdc542(d.ndc11)}`, `${d.strengthAmount} ${d.strengthUnit}`, d.container),
  path: `/drugs?search=${encodeURIComponent(formatNdc542(d.ndc11))}`,
});

export function searchHandlers(ctx: ServiceContext, _audit: AuditLog): HandlersFor<'search:everything'> {
  const search = searchRepository(ctx.db);
  return {
    'search:everything': ({ text }) => {
      if (text === '') return { hits: [], more: [] };
      // One more than shown, to say that there are more.
      const ask = SEARCH_HITS_PER_KIND + 1;
      const found: [SearchKind, SearchHit[]][] = [
        ['patient', search.patients(text, ask).map(patientHit)],
        ['claim', search.claims(text, ask).map(claimHit)],
        ['invoice', search.invoices(text, ask).map(invoiceHit)],
        ['lot', search.lots(text, ask).map(lotHit)],
        ['drug', search.drugs(text, ask).map(drugHit)],
      ];
      return {
        hits: found.flatMap(([, hits]) => hits.slice(0, SEARCH_HITS_PER_KIND)),
        more: found.filter(([, hits]) => hits.length > SEARCH_HITS_PER_KIND).map(([kind]) => kind),
      };
    },
  };
}

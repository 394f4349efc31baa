/**
 * How the reference data page names each kind of file, says where it comes from and what is
 * missing while none is on file. One place, so the import card, the history and the summaries
 * speak of the same file in the same words.
 */
import type { REFERENCE_KINDS } from '../../../shared/api/reference-channels';

export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export type KindWords = {
  title: string;
  /** "the crosswalk": how a sentence names one release of it. */
  short: string;
  /** Where a person finds the file, in one sentence. */
  source: string;
  /** What the file chooser accepts. */
  accept: string;
  fileHint: string;
  /** The FDA directory may come as its two text files. */
  multiple: boolean;
  releaseHint: string;
  /** Said in the history while nothing of this kind is on file: what the app cannot do yet. */
  empty: string;
};

export const KIND_ORDER: readonly ReferenceKind[] = ['crosswalk', 'hcpcs', 'fda-ndc'];

export const KIND_WORDS: Record<ReferenceKind, KindWords> = {
  crosswalk: {
    title: 'CMS NDC-HCPCS crosswalk',
    short: 'crosswalk',
    source:
      'From the ASP pricing files page on cms.gov: the quarterly ASP zip, or the NDC-HCPCS crosswalk (CSV or Excel) inside it.',
    accept: '.zip,.csv,.xlsx',
    fileHint: 'The ASP quarterly zip, or the crosswalk as CSV or Excel',
    multiple: false,
    releaseHint: 'The quarter the file is for, written like 2025Q3. Leave it empty when the file says it.',
    empty:
      'No crosswalk imported yet: until one is, an NDC’s own HCPCS code is looked for only in the short list that comes with the app.',
  },
  hcpcs: {
    title: 'HCPCS quarterly update',
    short: 'HCPCS update',
    source:
      'From the HCPCS quarterly update page on cms.gov: the zip, the fixed-width text file inside it, or its Excel or CSV version.',
    accept: '.zip,.txt,.xlsx,.csv',
    fileHint: 'The CMS zip, the text file, or the Excel or CSV version',
    multiple: false,
    releaseHint: 'The quarter the update is for, written like 2025Q3. Leave it empty when the file says it.',
    empty: 'No HCPCS update imported yet: codes cannot be checked against the code set until one is.',
  },
  'fda-ndc': {
    title: 'FDA NDC directory',
    short: 'FDA NDC directory',
    source:
      'From the FDA’s National Drug Code Directory page: the “ndctext.zip” download, or the product.txt and package.txt files inside it (choose both).',
    accept: '.zip,.txt',
    fileHint: 'ndctext.zip, or product.txt and package.txt together',
    multiple: true,
    releaseHint: 'The date you downloaded it, written like 2025-06-30. Leave it empty to use today’s date.',
    empty:
      'No FDA NDC directory imported yet: until one is, an NDC typed as 10 digits without hyphens cannot be told apart, and discontinued packages are not flagged.',
  },
};

/** "1 row" / "3 rows", with thousands separated as billers read them. */
export function count(n: number, noun: [string, string]): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? noun[0] : noun[1]}`;
}

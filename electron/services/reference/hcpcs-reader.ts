/**
 * The CMS HCPCS quarterly update (domain.md §6) → one HcpcsRow per Level II code.
 *
 * CMS publishes it as a zip ("2025-alpha-numeric-hcpcs-file.zip") holding the contractor record
 * file twice, as fixed-width text (HCPC2025_JAN_ANWEB.txt) and as a workbook with the same fields
 * as columns, beside the record layout, processing notes and reports. Either is read, alone or in
 * the zip (the text preferred: it is the published record).
 *
 * Fixed width, per the published record layout (HCPC<YYYY>_recordlayout.txt; 320 characters,
 * positions 1-based): HCPC 1–5, SEQNUM 6–10, RECID 11, LONG DESCRIPTION 12–91,
 * SHORT DESCRIPTION 92–119, …, ADD DT 269–276, ACT EFF DT 277–284, TERM DT 285–292 (YYYYMMDD),
 * ACTION CD 293. RECID 3 starts a code and carries its data; RECID 4 records continue its long
 * description in 80-character pieces cut between words, so the pieces are joined with one space;
 * RECID 7 and 8 are the same for modifiers (JW, JZ …), which are not codes and are skipped.
 *
 * Workbook or CSV: the header (HCPC, LONG DESCRIPTION, …) is found in the top 50 rows and columns
 * are matched by name after normHeader, never by position. A row continues the code above it when
 * its RECID says 4, or, without a RECID, when it repeats the HCPC with an empty or other SEQNUM.
 *
 * Dates become ISO yyyy-mm-dd (or null when blank). A code that is not a letter and 4 digits, a
 * date that is no calendar day, an empty long description, a code read twice, a continuation
 * with no code above it: each is refused with the line a person sees, the column and a reason,
 * and the rest of the file is still read. totalRows counts codes (and refused records), not the
 * continuation records joined into them.
 */
import type { ImportRowError } from '../../../shared/api/import-schemas';
import { parseIsoDate } from '../../../shared/domain/iso-date';
import { clipQuoted } from '../../../shared/domain/quoted-text';
import { AppError } from '../app-error';
import { readDate, type Read } from '../imports/cells';
import { decodeText } from '../imports/decode';
import { normHeader } from '../imports/header';
import { quarterFromText } from '../imports/quarter';
import { readTable } from '../imports/read-table';
import { ReadError, type Table } from '../imports/table';
import { xlsxTable } from '../imports/xlsx-table';
import { isZip, openZip } from '../imports/zip-archive';
import type { HcpcsRow, ReferenceRead } from './reference-rows';

const SCAN_ROWS = 50;
const LEVEL_II_CODE = /^[A-Z]\d{4}$/;
const MODIFIER = /^[A-Z0-9]{2}$/;
const YYYYMMDD = /^(\d{4})(\d{2})(\d{2})$/;
/** The start of a contractor record: a code (modifiers are right-aligned), SEQNUM, RECID. */
const FIXED_RECORD_START = /^[A-Z0-9 ]{5}\d{5}[3478]/;

/** One record's fields as text, before they are checked. */
type Fields = {
  hcpc: string;
  seq: string;
  long: string;
  short: string;
  added: string;
  effective: string;
  terminated: string;
  action: string;
};
/** What each field is called in messages: the layout's names, or the file's own headers. */
type Labels = Record<'hcpc' | 'long' | 'added' | 'effective' | 'terminated', string>;

const LAYOUT_LABELS: Labels = {
  hcpc: 'HCPC',
  long: 'LONG DESCRIPTION',
  added: 'ADD DT',
  effective: 'ACT EFF DT',
  terminated: 'TERM DT',
};

type Input = { kind: 'fixed'; text: string; source: string } | { kind: 'table'; table: Table };

export async function readHcpcs(bytes: Buffer, fileName: string): Promise<ReferenceRead<HcpcsRow>> {
  let input: Input;
  try {
    input = await openHcpcs(bytes, fileName);
  } catch (err) {
    // Readers throw AppError only, with the codes the import wizard already uses for a bad file.
    if (err instanceof ReadError)
      throw new AppError(err.code === 'FILE_EMPTY' ? 'FILE_UNREADABLE' : err.code, err.message);
    throw err;
  }
  const codes = new Codes();
  let source: string;
  let titleRelease: string | null = null;
  if (input.kind === 'fixed') {
    source = input.source;
    readFixedWidth(input.text, codes);
  } else {
    const { table } = input;
    source = table.source;
    const located = locateHeader(table);
    readTableRows(table, located, codes);
    titleRelease = titleQuarter(table, located.index);
  }
  return {
    source,
    totalRows: codes.total,
    rows: codes.rows,
    errors: codes.errors,
    release: quarterFromText(fileName) ?? quarterFromText(source) ?? titleRelease,
  };
}

// ── Finding what to read ───────────────────────────────────────────────────────────────────

async function openHcpcs(bytes: Buffer, fileName: string): Promise<Input> {
  if (!isZip(bytes)) {
    if (looksFixedWidth(bytes)) return { kind: 'fixed', text: decodeText(bytes).text, source: fileName };
    return { kind: 'table', table: await readTable(bytes, fileName, null) };
  }
  const zip = await openZip(bytes, fileName);
  let name: string;
  let inner: Buffer;
  try {
    if (zip.names.includes('xl/workbook.xml')) return { kind: 'table', table: await xlsxTable(zip, fileName) };
    name = pickEntry(zip.names, fileName);
    inner = await zip.read(name);
  } finally {
    zip.close();
  }
  if (looksFixedWidth(inner)) return { kind: 'fixed', text: decodeText(inner).text, source: `${fileName} › ${name}` };
  const table = await readTable(inner, name, null);
  return { kind: 'table', table: table.withSource(`${fileName} › ${table.source}`) };
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
const HIDDEN = /(^|\/)(__MACOSX\/|\.)/;
const READABLE = /\.(txt|xlsx|csv)$/i;
const PREFERENCE = (n: string): number => (/\.txt$/i.test(n) ? 0 : /\.xlsx$/i.test(n) ? 1 : 2);

/** The record file of a HCPCS zip ("…_ANWEB….txt"), or the one readable file a smaller zip holds. */
function pickEntry(names: readonly string[], zipName: string): string {
  const readable = names.filter((n) => !HIDDEN.test(n) && READABLE.test(n));
  const records = readable.filter((n) => /anweb/i.test(baseName(n))).sort((a, b) => PREFERENCE(a) - PREFERENCE(b));
  const chosen = records[0] ?? (readable.length === 1 ? readable[0] : undefined);
  if (chosen !== undefined) return chosen;
  const listed = names
    .filter((n) => !HIDDEN.test(n))
    .slice(0, 8)
    .map(baseName)
    .join(', ');
  throw new AppError(
    'FILE_UNREADABLE',
    `${zipName} does not hold the HCPCS code file (named like "HCPC2025_JAN_ANWEB.txt" or .xlsx)${listed ? `; it holds ${clipQuoted(listed)}` : ''}.`,
  );
}

/** True when the first line with text starts like a contractor record ("J0222001003…"). */
function looksFixedWidth(bytes: Buffer): boolean {
  const head = bytes.toString('latin1', 0, Math.min(bytes.length, 4096)).replace(/^\u00ef\u00bb\u00bf/, '');
  const first = head.split('\n').find((l) => l.trim() !== '');
  return first !== undefined && FIXED_RECORD_START.test(first);
}

// ── Fixed-width records ────────────────────────────────────────────────────────────────────

function readFixedWidth(text: string, codes: Codes): void {
  let start = 0;
  let line = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const record = text.slice(start, stop);
    start = end + 1;
    if (record.trim() === '') continue;
    const hcpc = record.slice(0, 5).trim();
    const long = record.slice(11, 91).trim();
    switch (record.charAt(10)) {
      case '3':
        codes.first(
          line,
          {
            hcpc,
            seq: record.slice(5, 10),
            long,
            short: record.slice(91, 119).trim(),
            added: record.slice(268, 276).trim(),
            effective: record.slice(276, 284).trim(),
            terminated: record.slice(284, 292).trim(),
            action: record.charAt(292).trim(),
          },
          LAYOUT_LABELS,
        );
        break;
      case '4':
        codes.continuation(line, hcpc, long, LAYOUT_LABELS);
        break;
      case '7':
      case '8':
        codes.modifier();
        break;
      default:
        codes.unreadable(
          line,
          'RECID',
          `Line ${line} is not a HCPCS record: position 11 (RECID) should be 3 or 4 for a code, 7 or 8 for a modifier.`,
        );
    }
  }
}

// ── Workbook and CSV rows ──────────────────────────────────────────────────────────────────

type Column = keyof Fields | 'recid';

const COLUMNS: readonly { field: Column; pattern: RegExp }[] = [
  { field: 'hcpc', pattern: /^(hcpc|hcpcs|hcpccode|hcpcscode|code)$/ },
  { field: 'seq', pattern: /^(seqnum|seqno|seq|sequence|sequencenumber)$/ },
  { field: 'recid', pattern: /^(recid|recordid|recordidentifier|recidcode)$/ },
  { field: 'long', pattern: /^(longdescription|longdesc|description)$/ },
  { field: 'short', pattern: /^(shortdescription|shortdesc)$/ },
  { field: 'added', pattern: /^(adddt|adddate|dateadded)$/ },
  { field: 'effective', pattern: /^(acteffdt|actioneffectivedate|effectivedate|effdt)$/ },
  { field: 'terminated', pattern: /^(termdt|termdate|terminationdate)$/ },
  { field: 'action', pattern: /^(actioncd|actioncode|action)$/ },
];

type Located = { index: number; at: Record<Column, number>; labels: Labels };

function locateHeader(table: Table): Located {
  const scan = Math.min(SCAN_ROWS, table.rowCount);
  for (let r = 0; r < scan; r++) {
    const headers = table.row(r);
    const norms = headers.map(normHeader);
    const at = {} as Record<Column, number>;
    const taken = new Set<number>();
    for (const { field, pattern } of COLUMNS) {
      at[field] = norms.findIndex((n, c) => !taken.has(c) && n !== '' && pattern.test(n));
      if (at[field] >= 0) taken.add(at[field]);
    }
    if (at.hcpc < 0 || at.long < 0) continue;
    const label = (field: keyof Labels): string =>
      at[field] >= 0 ? headers[at[field]] || LAYOUT_LABELS[field] : LAYOUT_LABELS[field];
    return {
      index: r,
      at,
      labels: {
        hcpc: label('hcpc'),
        long: label('long'),
        added: label('added'),
        effective: label('effective'),
        terminated: label('terminated'),
      },
    };
  }
  throw new AppError(
    'REFERENCE_HEADER_NOT_FOUND',
    `No header row was found in the first ${SCAN_ROWS} rows of ${table.source}: the HCPCS quarterly file has columns headed HCPC and LONG DESCRIPTION (with SHORT DESCRIPTION, ADD DT, ACT EFF DT, TERM DT and ACTION CD). Check that this is the alpha-numeric HCPCS file from CMS.`,
  );
}

function readTableRows(table: Table, { index, at, labels }: Located, codes: Codes): void {
  const cells: string[] = [];
  const cell = (field: Column): string => {
    const i = at[field];
    return i < 0 ? '' : (cells[i] ?? '');
  };
  for (let r = index + 1; r < table.rowCount; r++) {
    const n = table.rowInto(r, cells);
    let blank = true;
    for (let i = 0; i < n && blank; i++) if (cells[i] !== '') blank = false;
    if (blank) continue;
    const line = table.lines[r] ?? r + 1;
    const hcpc = cell('hcpc').toUpperCase();
    const recid = cell('recid');
    if (recid === '7' || recid === '8' || (recid === '' && MODIFIER.test(hcpc))) {
      codes.modifier();
      continue;
    }
    const seq = cell('seq');
    if (recid === '4' || (recid !== '3' && codes.continues(hcpc, seq))) {
      codes.continuation(line, hcpc, cell('long'), labels);
      continue;
    }
    codes.first(
      line,
      {
        hcpc,
        seq,
        long: cell('long'),
        short: cell('short'),
        added: cell('added'),
        effective: cell('effective'),
        terminated: cell('terminated'),
        action: cell('action'),
      },
      labels,
    );
  }
}

/** The quarter the title rows above the header name, e.g. "HCPCS Update January 2025". */
function titleQuarter(table: Table, headerIndex: number): string | null {
  for (let r = 0; r < headerIndex; r++) {
    const q = quarterFromText(table.row(r).join(' '));
    if (q) return q;
  }
  return null;
}

// ── Codes, joined and checked ──────────────────────────────────────────────────────────────

/** Collects codes in file order; continuation records join the code just before them. */
class Codes {
  readonly rows: HcpcsRow[] = [];
  readonly errors: ImportRowError[] = [];
  total = 0;
  /** The code continuation records join, with the SEQNUM of its first record. */
  private current: HcpcsRow | null = null;
  private currentSeq = '';
  /** A refused code: its continuation records are skipped, not refused once more. */
  private refused: string | null = null;
  private readonly firstLine = new Map<string, number>();

  /** Whether a row with this code and SEQNUM (no RECID) continues the code above it. */
  continues(hcpc: string, seq: string): boolean {
    const code = this.current?.hcpcs ?? this.refused;
    return code === hcpc && (seq === '' || seq !== this.currentSeq);
  }

  first(line: number, f: Fields, labels: Labels): void {
    this.total++;
    this.current = null;
    this.refused = f.hcpc;
    this.currentSeq = f.seq;
    if (!LEVEL_II_CODE.test(f.hcpc)) {
      const message =
        f.hcpc === ''
          ? 'The HCPCS code is empty; this row needs one.'
          : `"${clipQuoted(f.hcpc)}" is not a HCPCS code; a code in this file is a letter and 4 digits, such as J3490.`;
      this.refuse(line, labels.hcpc, f.hcpc === '' ? 'REQUIRED' : 'HCPCS_INVALID', message);
      return;
    }
    const earlier = this.firstLine.get(f.hcpc);
    if (earlier !== undefined) {
      this.refuse(
        line,
        labels.hcpc,
        'HCPCS_DUPLICATE',
        `${f.hcpc} was already read on line ${earlier}; each code appears once in the HCPCS file.`,
      );
      return;
    }
    let ok = true;
    if (f.long === '') {
      ok = false;
      this.refuse(line, labels.long, 'REQUIRED', `The long description of ${f.hcpc} is empty; this row needs one.`);
    }
    const date = (raw: string, label: string): string | null => {
      const read = readCmsDate(raw, label);
      if (read.ok) return read.value;
      ok = false;
      this.refuse(line, label, read.code, read.message);
      return null;
    };
    const addedOn = date(f.added, labels.added);
    const effectiveFrom = date(f.effective, labels.effective);
    const terminatedOn = date(f.terminated, labels.terminated);
    if (!ok) return;
    const row: HcpcsRow = {
      hcpcs: f.hcpc,
      longDescription: f.long,
      shortDescription: f.short,
      addedOn,
      effectiveFrom,
      terminatedOn,
      actionCode: f.action,
    };
    this.rows.push(row);
    this.firstLine.set(f.hcpc, line);
    this.current = row;
    this.refused = null;
  }

  continuation(line: number, hcpc: string, text: string, labels: Labels): void {
    if (this.current !== null && this.current.hcpcs === hcpc) {
      if (text !== '') this.current.longDescription += ` ${text}`;
      return;
    }
    if (this.refused === hcpc) return;
    // Refused once: the records that continue it further are skipped like a refused code's.
    this.total++;
    this.current = null;
    this.refused = hcpc;
    this.refuse(
      line,
      labels.hcpc,
      'CONTINUATION_WITHOUT_CODE',
      `This row continues the description of "${clipQuoted(hcpc)}", but the row that starts that code does not come just before it.`,
    );
  }

  modifier(): void {
    this.current = null;
    this.refused = null;
  }

  /** A line that is no record at all. */
  unreadable(line: number, column: string, message: string): void {
    this.total++;
    this.current = null;
    this.refused = null;
    this.refuse(line, column, 'RECORD_UNREADABLE', message);
  }

  private refuse(row: number, column: string, code: string, message: string): void {
    this.errors.push({ row, column, code, message });
  }
}

/** YYYYMMDD as the record layout writes dates (or ISO / MM/DD/YYYY from a workbook) → ISO. */
function readCmsDate(raw: string, label: string): Read<string | null> {
  // Some extracts write zeros for "no date".
  if (raw === '' || raw === '00000000') return { ok: true, value: null };
  const m = YYYYMMDD.exec(raw);
  if (!m) return readDate(raw, label);
  const iso = parseIsoDate(`${m[1]}-${m[2]}-${m[3]}`, label);
  return iso.ok
    ? { ok: true, value: iso.date }
    : { ok: false, code: iso.error.code, message: `${label} "${raw}" is not a real calendar date.` };
}

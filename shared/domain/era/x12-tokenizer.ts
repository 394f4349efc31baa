/**
 * X12 text → segments → elements (→ components on request), with the delimiters the file itself
 * declares.
 *
 * - With an envelope, the ISA says it all: element separator at ISA index 3, component separator
 *   (ISA16) and segment terminator right after the 16th element separator (index 104 and 105 of
 *   a padded 106-character ISA; counting separators also reads an ISA whose fields are not
 *   padded), repetition separator ISA11 when it is a punctuation character (5010). Every ISA in
 *   the file is read again, so envelopes joined from several payers may each use their own.
 * - Without one (a file that starts at GS or ST), the element separator is the character after
 *   the segment id, the terminator the first character after that which is neither data nor the
 *   element separator and is followed by another segment, and the component separator the one
 *   SVC01 uses after its two-letter qualifier (":" when the file has no SVC).
 * - CR, LF, spaces and tabs between segments are skipped and CR/LF before a terminator dropped,
 *   so files wrapped one segment per line (or with "\r\n" as the terminator) read the same.
 *
 * Linear in the length of the text: one pass of `indexOf` and `split`, and every look-ahead is
 * bounded. Refusals are values, never throws.
 */
import { failure, type Failure } from '../result';

export type X12Delimiters = {
  readonly element: string;
  readonly component: string;
  /** ISA11 in 5010; null without an ISA or when ISA11 is the 4010 "U". */
  readonly repetition: string | null;
  readonly segment: string;
};

export type X12Segment = {
  /** 1-based number of the segment in the file (the file's first segment is 1). */
  readonly index: number;
  readonly id: string;
  /** elements[0] is the segment id, so CLP03 is elements[3]. */
  readonly elements: readonly string[];
  readonly delimiters: X12Delimiters;
};

/** An ISA in the middle of the file whose delimiters cannot be read (the previous ones are kept). */
export type X12Note = { index: number; message: string };

export type X12Tokens = { ok: true; segments: X12Segment[]; notes: X12Note[] };

/** What a scan saw: the number of segments handed over, and notes on broken mid-file ISAs. */
export type X12Scan = { ok: true; segments: number; notes: X12Note[] };

export type X12TokenizeFailure = Failure<'ERA_EMPTY' | 'ERA_NOT_835' | 'ERA_ENVELOPE_INVALID' | 'ERA_TOO_LARGE'>;

/**
 * The largest file read: 32 MiB of text is well over 100,000 claims, more than a practice's
 * remittance for a year; a bigger file is refused rather than held in memory several times over.
 */
export const MAX_X12_LENGTH = 32 * 1024 * 1024;

/**
 * No 835 segment has more than 24 elements (MIA) nor a composite more than 8 components; a
 * split stops at these bounds, so a hostile segment of a million separators costs no million
 * empty strings.
 */
const MAX_ELEMENTS = 100;
const MAX_COMPONENTS = 20;

/** A standard ISA is 106 characters; one with unpadded fields is shorter. Never look further. */
const MAX_ISA_LENGTH = 200;
/** How far to look for the terminator of a GS or ST segment when the file has no ISA. */
const MAX_HEADER_LOOKAHEAD = 300;

const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;

const isBlank = (c: number): boolean => c === SPACE || c === LF || c === CR || c === TAB;
const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isUpperOrDigit = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90);

/** A separator is a single visible punctuation character (CR/LF allowed as the terminator only). */
const isSeparator = (ch: string | undefined): ch is string => {
  if (ch === undefined || ch.length !== 1) return false;
  const c = ch.charCodeAt(0);
  return !isAlnum(c) && !isBlank(c) && c !== 0;
};
const isTerminator = (ch: string | undefined): ch is string => {
  if (ch === undefined || ch.length !== 1) return false;
  const c = ch.charCodeAt(0);
  return c === CR || c === LF || (!isAlnum(c) && c !== SPACE && c !== TAB && c !== 0);
};

export type IsaDelimiters = { ok: true; delimiters: X12Delimiters; end: number } | { ok: false; reason: string };

/**
 * The delimiters of the ISA that starts at `at`, and `end`, the index of its segment terminator.
 */
export function isaDelimiters(text: string, at: number): IsaDelimiters {
  const element = text[at + 3];
  if (!isSeparator(element)) {
    return { ok: false, reason: 'the character after "ISA" is not a separator' };
  }
  const limit = Math.min(text.length, at + MAX_ISA_LENGTH);
  const separators: number[] = [at + 3];
  for (let i = at + 4; i < limit && separators.length < 16; i++) {
    if (text[i] === element) separators.push(i);
  }
  const last = separators[15];
  if (last === undefined) {
    return { ok: false, reason: `it has ${separators.length} of the 16 elements an ISA must have` };
  }
  const component = text[last + 1];
  const segment = text[last + 2];
  if (!isSeparator(component) || component === element) {
    return { ok: false, reason: 'ISA16 (the component separator) is not a separator character' };
  }
  if (!isTerminator(segment) || segment === element || segment === component) {
    return { ok: false, reason: 'no segment terminator follows ISA16' };
  }
  // ISA11 sits between the 11th and 12th separators: a character in 5010, "U" in 4010.
  const isa11Start = (separators[10] ?? 0) + 1;
  const isa11 = (separators[11] ?? 0) - isa11Start === 1 ? text[isa11Start] : undefined;
  const repetition = isSeparator(isa11) && isa11 !== element && isa11 !== component && isa11 !== segment ? isa11 : null;
  return { ok: true, delimiters: { element, component, repetition, segment }, end: last + 2 };
}

/**
 * Delimiters of a file that starts at a GS or ST segment (no ISA): see the module comment.
 */
export function bareDelimiters(
  text: string,
  at: number,
): { ok: true; delimiters: X12Delimiters } | { ok: false; reason: string } {
  const element = text[at + 2];
  if (!isSeparator(element)) {
    return { ok: false, reason: 'the character after the segment id is not a separator' };
  }
  const limit = Math.min(text.length, at + MAX_HEADER_LOOKAHEAD);
  let segment: string | undefined;
  for (let i = at + 3; i < limit && segment === undefined; i++) {
    const c = text.charCodeAt(i);
    if (isAlnum(c) || c === SPACE || text[i] === element) continue;
    if (isTerminator(text[i]) && startsSegment(text, i + 1, element)) segment = text[i];
  }
  if (segment === undefined) return { ok: false, reason: 'no segment terminator was found after the first segment' };
  return {
    ok: true,
    delimiters: { element, component: svcComponent(text, element, segment), repetition: null, segment },
  };
}

/** After optional CR/LF: two or three capitals or digits, then the element separator. */
function startsSegment(text: string, at: number, element: string): boolean {
  let i = at;
  while (i < text.length && (text.charCodeAt(i) === CR || text.charCodeAt(i) === LF)) i++;
  if (!isUpperOrDigit(text.charCodeAt(i)) || !isUpperOrDigit(text.charCodeAt(i + 1))) return false;
  return text[i + 2] === element || (isUpperOrDigit(text.charCodeAt(i + 2)) && text[i + 3] === element);
}

/** The separator after SVC01's two-letter qualifier ("SVC*HC:J3490"), else ":". */
function svcComponent(text: string, element: string, segment: string): string {
  const at = text.indexOf(`SVC${element}`);
  if (at === -1) return ':';
  const candidate = text[at + 6];
  const qualifierOk = isUpperOrDigit(text.charCodeAt(at + 4)) && isUpperOrDigit(text.charCodeAt(at + 5));
  return qualifierOk && isSeparator(candidate) && candidate !== element && candidate !== segment ? candidate : ':';
}

/** "ISA", "GS" or "ST" followed by a non-alphanumeric character at `at`. */
function envelopeStart(text: string, at: number): 'ISA' | 'bare' | null {
  if (text.startsWith('ISA', at) && !isAlnum(text.charCodeAt(at + 3))) return 'ISA';
  if ((text.startsWith('ST', at) || text.startsWith('GS', at)) && !isAlnum(text.charCodeAt(at + 2))) return 'bare';
  return null;
}

const NOT_X12 =
  'This file is not an 835 remittance: an 835 starts with an ISA envelope (or an ST transaction header), and this one does not.';

/** Every segment of `text` in a list; see scanX12. */
export function tokenizeX12(text: string): X12Tokens | X12TokenizeFailure {
  const segments: X12Segment[] = [];
  const scan = scanX12(text, (seg) => segments.push(seg));
  return scan.ok ? { ok: true, segments, notes: scan.notes } : scan;
}

/**
 * Hand each segment of `text` to `onSegment`, in order, without keeping them (a reader keeps what
 * it needs; a 100,000-segment list held to the end costs more in garbage collection than the
 * split itself). Refuses an empty text (ERA_EMPTY), text that does not start with ISA, GS or ST
 * (ERA_NOT_835), a first header whose delimiters cannot be read (ERA_ENVELOPE_INVALID) and text
 * over MAX_X12_LENGTH (ERA_TOO_LARGE); the refusal comes before any segment is handed over.
 */
export function scanX12(text: string, onSegment: (segment: X12Segment) => void): X12Scan | X12TokenizeFailure {
  if (typeof text !== 'string') return failure('ERA_NOT_835', NOT_X12);
  if (text.length > MAX_X12_LENGTH) {
    return failure(
      'ERA_TOO_LARGE',
      `This file is ${Math.ceil(text.length / (1024 * 1024))} MB of text; a remittance file is read up to ${MAX_X12_LENGTH / (1024 * 1024)} MB. Ask the payer or clearinghouse for it in smaller files.`,
    );
  }
  const n = text.length;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark from a Windows editor
  while (start < n && isBlank(text.charCodeAt(start))) start++;
  if (start >= n) return failure('ERA_EMPTY', 'The file is empty: it has no segments to read.');
  const kind = envelopeStart(text, start);
  if (kind === null) return failure('ERA_NOT_835', NOT_X12);
  const first = kind === 'ISA' ? isaDelimiters(text, start) : bareDelimiters(text, start);
  if (!first.ok) {
    return failure(
      'ERA_ENVELOPE_INVALID',
      `The file starts like an X12 file, but its delimiters cannot be read: ${first.reason}. It may be damaged or cut short.`,
    );
  }

  let delimiters = first.delimiters;
  const notes: X12Note[] = [];
  let pos = start;
  let index = 0;
  while (pos < n) {
    while (pos < n && isBlank(text.charCodeAt(pos))) pos++;
    if (pos >= n) break;
    let end = -1;
    if (text.charCodeAt(pos) === 73 /* I */ && envelopeStart(text, pos) === 'ISA') {
      const isa = isaDelimiters(text, pos);
      if (isa.ok) {
        delimiters = isa.delimiters;
        end = isa.end;
      } else {
        notes.push({
          index: index + 1,
          message: `An ISA envelope header's delimiters cannot be read (${isa.reason}); the file's earlier delimiters are used for it.`,
        });
      }
    }
    if (end === -1) end = text.indexOf(delimiters.segment, pos);
    if (end === -1) end = n; // the last segment may lack its terminator
    let segEnd = end;
    while (segEnd > pos && (text.charCodeAt(segEnd - 1) === CR || text.charCodeAt(segEnd - 1) === LF)) segEnd--;
    if (segEnd > pos) {
      const elements = text.slice(pos, segEnd).split(delimiters.element, MAX_ELEMENTS);
      index++;
      onSegment({ index, id: elements[0] ?? '', elements, delimiters });
    }
    pos = end + 1;
  }
  return { ok: true, segments: index, notes };
}

/** Element `n` of a segment ("" when absent): element(clp, 3) is CLP03. */
export const element = (segment: X12Segment, n: number): string => segment.elements[n] ?? '';

/** The components of a composite element ("HC:J3490:JW" → ["HC", "J3490", "JW"]). */
export const components = (segment: X12Segment, n: number): string[] =>
  element(segment, n).split(segment.delimiters.component, MAX_COMPONENTS);

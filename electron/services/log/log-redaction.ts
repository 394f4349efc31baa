/**
 * What a log entry may carry. Fields pass through `redactFields` on every write, whatever the
 * caller sent: a key that can carry protected health information keeps its name (support sees
 * that something was there) but its value becomes "[redacted]". Values are also bounded (depth,
 * length, count) so a whole record can never be dumped by accident. Errors are reduced to their
 * name, code and stack frames: an error's message may quote user text, so it is never kept.
 */
export type LogFields = Record<string, unknown>;

export const REDACTED = '[redacted]';

/**
 * Lower-cased key fragments that mark PHI or user-typed text: names, birth dates, member and
 * account numbers, addresses, contact details, notes, and file names or paths of scans and
 * documents (they are named after what a person typed). Matching is by fragment so
 * `patientLastName`, `member_id` and `scanFileName` are all caught.
 */
const PHI_KEY_PARTS = [
  'name',
  'dob',
  'birth',
  'member',
  'subscriber',
  'insured',
  'account',
  'mrn',
  'medicalrecord',
  'ssn',
  'address',
  'street',
  'city',
  'zip',
  'postal',
  'phone',
  'email',
  'note',
  'comment',
  'memo',
  'text',
  'remark',
  'reason',
  'file',
  'path',
  'body',
  'args',
  'payload',
  'patient',
  'diagnos',
  'message',
] as const;

/** Keys that contain a PHI fragment but are known safe: the app's own folder and coded values. */
const SAFE_KEYS = new Set(['dataDir', 'backupName', 'reasonCode', 'errorName']);

const MAX_DEPTH = 3;
const MAX_STRING = 200;
const MAX_KEYS = 30;

export function isPhiKey(key: string): boolean {
  if (SAFE_KEYS.has(key)) return false;
  const k = key.toLowerCase().replace(/[^a-z]/g, '');
  return PHI_KEY_PARTS.some((part) => k.includes(part));
}

/**
 * `patientId: 42` is the app's own row number and `patients: 12` a count, both of which support
 * needs; a number issued outside the app (member, account, MRN, phone, ZIP, a DOB as digits)
 * stays PHI even as an integer.
 */
function isRowId(key: string, value: unknown): boolean {
  return (
    Number.isInteger(value) &&
    !/member|subscriber|insured|account|mrn|ssn|medicalrecord|phone|zip|postal|dob|birth/i.test(key)
  );
}

export function redactFields(fields: LogFields | undefined): LogFields {
  if (!fields) return {};
  return redactObject(fields, 0);
}

function redactObject(obj: object, depth: number): LogFields {
  const out: LogFields = {};
  let n = 0;
  for (const [key, value] of Object.entries(obj)) {
    if (n++ >= MAX_KEYS) {
      out['…'] = 'more fields left out';
      break;
    }
    out[key] = isPhiKey(key) && !isRowId(key, value) ? REDACTED : redactValue(value, depth + 1);
  }
  return out;
}

function redactValue(value: unknown, depth: number): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Error) return errorFields(value);
  if (depth > MAX_DEPTH) return '[nested]';
  if (Array.isArray(value)) return value.slice(0, MAX_KEYS).map((v) => redactValue(v, depth + 1));
  if (typeof value === 'object') return redactObject(value, depth);
  return undefined;
}

/**
 * An error as support needs it, without its message: the class name, a code (SQLITE_BUSY,
 * ENOSPC, an AppError code) and the stack frames (`at …` lines: the app's own code locations).
 */
export function errorFields(err: unknown): LogFields {
  if (!(err instanceof Error)) return { errorName: typeof err };
  const code = (err as { code?: unknown }).code;
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 15)
    .map((line) => line.trim());
  return {
    errorName: err.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    stack: frames,
  };
}

/** A message is one line of code-built text; a stray newline must not fake a second entry. */
export function oneLine(message: string): string {
  const flat = message.replace(/[\r\n\u2028\u2029]+/g, ' ');
  return flat.length > MAX_STRING ? `${flat.slice(0, MAX_STRING)}…` : flat;
}

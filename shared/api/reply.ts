/**
 * The shape of every answer that crosses a process boundary (IPC, loopback HTTP, CLI).
 * Services throw nothing across the wire: a failure is a value with a stable `code` the UI can
 * act on and a sentence a biller can read. `fields` carries per-field problems so a form can put
 * each message next to its input.
 */
export type FieldIssue = { field: string; code: string; message: string };

export type ReplyError = { code: string; message: string; fields?: FieldIssue[] };

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ReplyError };

export const ok = <T>(value: T): Reply<T> => ({ ok: true, value });

export const fail = (code: string, message: string, fields?: FieldIssue[]): Reply<never> =>
  fields && fields.length > 0
    ? { ok: false, error: { code, message, fields } }
    : { ok: false, error: { code, message } };

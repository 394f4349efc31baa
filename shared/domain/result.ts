/**
 * The refusal shape every pure domain function uses for bad input: a value, never a throw, with a
 * stable SCREAMING_SNAKE `code` the UI can act on and a sentence a biller can read. Throws are
 * kept for programming errors only (a caller breaking a documented precondition).
 */

export type DomainError<C extends string = string> = { code: C; message: string };

export type Failure<C extends string = string> = { ok: false; error: DomainError<C> };

/** A non-blocking finding: the estimate still stands, but a person should look. */
export type Warning = { code: string; message: string };

export const failure = <C extends string>(code: C, message: string): Failure<C> => ({
  ok: false,
  error: { code, message },
});

/**
 * The one exception services throw on purpose. The dispatcher turns it into a Reply error with
 * the same code; anything else thrown is a bug and is reported as INTERNAL without details.
 */
import type { FieldIssue } from '../../shared/api/reply';

export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields?: FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Raise a refusal tied to one form field, so the UI can show it next to that input. */
export const fieldError = (field: string, code: string, message: string): AppError =>
  new AppError(code, message, [{ field, code, message }]);

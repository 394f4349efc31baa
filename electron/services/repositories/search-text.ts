/**
 * Text search in SQL, ignoring case and accents: "zoe lukasiewicz" finds "Zoë Łukasiewicz". Both
 * sides are folded by shared/domain/search-fold.ts, the column through the `fold` SQL function
 * that db/open.ts registers on every connection.
 *
 * Speed: calling a JavaScript function for every row of a table costs about a microsecond a
 * value, which a search over tens of thousands of patients would pay on every key. A plain ASCII
 * value folds to its lower case, so for such a row SQLite's own LIKE (ASCII case-insensitive)
 * with the folded word gives the same answer; `fold` runs only on rows whose text has a
 * non-ASCII character (its length in characters differs from its length in bytes).
 */
import { foldForSearch } from '../../../shared/domain/search-fold';

export type SearchParams = Record<string, string | number>;

export const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The condition "one of `columns` contains `text`, ignoring case and accents", with its two
 * parameters (`key` the folded text, `${key}Like` its LIKE pattern) added to `params`.
 */
export function foldedContains(columns: readonly string[], text: string, key: string, params: SearchParams): string {
  const folded = foldForSearch(text);
  params[key] = folded;
  params[`${key}Like`] = `%${escapeLike(folded)}%`;
  const each = columns.map(
    (c) =>
      `${c} LIKE @${key}Like ESCAPE '\\' OR (length(${c}) <> octet_length(${c}) AND instr(fold(${c}), @${key}) > 0)`,
  );
  return `(${each.join(' OR ')})`;
}

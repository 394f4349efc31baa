/** The lists of a reading: empty until their first item, then allocated at their exact length. */

/**
 * The empty list every list of a reading starts as, shared and frozen: a 10,000-claim file would
 * otherwise allocate a dozen arrays per line, most of them never filled, and pay for them in
 * garbage collection. Lists are `readonly` in the reading's types, so nobody pushes onto it;
 * `append` makes a real array on the first item.
 */
export const NONE: readonly never[] = Object.freeze([]);

export function append<T>(list: readonly T[], item: T): readonly T[] {
  // Literals are allocated at their exact length; `push` would grow a 1-item list to 17 slots.
  switch (list.length) {
    case 0:
      return [item];
    case 1:
      return [list[0] as T, item];
    case 2:
      return [list[0] as T, list[1] as T, item];
    default:
      (list as T[]).push(item);
      return list;
  }
}

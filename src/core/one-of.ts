/**
 * A type guard for one value of a fixed list of words (a status, a kind, an answer), for a value
 * that comes from a form or a query string and so may be anything.
 */
export function oneOf<T extends string>(list: readonly T[]): (value: unknown) => value is T {
  return (value: unknown): value is T =>
    typeof value === "string" && (list as readonly string[]).includes(value);
}

/**
 * The named fields of an object, and only those, in the order named: a select's columns from a
 * table, or the values of an insert or update from a parsed form. The names are checked against
 * the object's type, so a command still stores only the fields it lists.
 */
export function pick<T extends object, K extends keyof T>(from: T, ...keys: K[]): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const key of keys) picked[key] = from[key];
  return picked;
}

/** `object` without its undefined values, so spreading it never overrides a default with undefined. */
export function definedOnly<T extends object>(object: T | undefined): Partial<T> {
  if (!object) return {};
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}

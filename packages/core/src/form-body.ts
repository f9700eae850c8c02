// Request bodies for operations whose spec says `application/x-www-form-urlencoded` (Stripe's whole
// API): nested objects and arrays as bracketed keys, the way Stripe documents and its official Node
// library sends them — `metadata[plan]=pro`, `options[document][allowed_types][0]=passport`
// (arrays indexed, as Stripe's v1 API and the OpenAPI `deepObject` style parsers take them).
// Its own module, referenced only by generated clients of such specs, so no other bundle carries it.
import { InputValidationError } from "./error-classes.ts";

/** Keys keep their brackets readable (`a[b]`, as Stripe's own library sends them); all else is percent-encoded. */
const encodeKey = (key: string) => encodeURIComponent(key).replace(/%5B/g, "[").replace(/%5D/g, "]");

/**
 * `body` as `application/x-www-form-urlencoded`: `a[b][c]=v` for nested objects, `a[0]=v` for
 * arrays, `null` as an empty value (Stripe unsets a field posted empty), a Date as unix seconds;
 * `undefined`, empty objects and empty arrays send nothing. A value a form cannot carry (a function,
 * a symbol, a circular reference) is an InputValidationError naming its field (`body.a.b`).
 */
export function formBody(body: unknown): string {
  const pairs: string[] = [];
  const open: object[] = [];
  const add = (key: string, field: string, value: unknown): void => {
    if (value === undefined) return;
    if (value === null) pairs.push(`${encodeKey(key)}=`);
    else if (value instanceof Date) pairs.push(`${encodeKey(key)}=${Math.floor(value.getTime() / 1000)}`);
    else if (typeof value === "object") {
      if (open.includes(value)) throw new InputValidationError(field, "refers to itself, which a form cannot carry");
      open.push(value);
      for (const [name, inner] of Object.entries(value)) add(`${key}[${name}]`, `${field}.${name}`, inner);
      open.pop();
    } else if (typeof value === "function" || typeof value === "symbol") {
      throw new InputValidationError(field, `a ${typeof value} cannot be sent in a form body`);
    } else pairs.push(`${encodeKey(key)}=${encodeURIComponent(String(value))}`);
  };
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new InputValidationError("body", "must be an object of form fields");
  }
  open.push(body);
  for (const [name, value] of Object.entries(body)) add(name, `body.${name}`, value);
  return pairs.join("&");
}

/** The media type `formBody` writes, which a generated client passes with it (`{ body: formBody(body), contentType: FORM_CONTENT_TYPE }`). */
export const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

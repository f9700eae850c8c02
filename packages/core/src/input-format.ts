// The string formats the shared input and provider options use, checked before any request. Each is
// its own export, carried by the schema that uses it (`format: UUID_FORMAT`), so a bundle holds only
// the formats its schemas name.

/** A string format: its test and what a valid value is (for the message: "must be <expected>"). */
export type InputFormat = readonly [test: (value: string) => boolean, expected: string];

/** Whether `code` is an assigned ISO 3166-1 alpha-2 region (via Intl where the runtime has it). */
export function isCountryCode(code: string): boolean {
  // CLDR also names regions ISO 3166-1 does not assign (UK is only "exceptionally reserved"). XK
  // (Kosovo) is user-assigned but used by identity providers, so it stays accepted.
  if (!/^(?!UK|EU|EZ|UN|QO|ZZ|XA|XB)[A-Z]{2}$/.test(code)) return false;
  try {
    // Built per call (a country is checked once per session), so nothing is built when the module loads.
    return new Intl.DisplayNames(["en"], { type: "region", fallback: "none" }).of(code) !== undefined;
  } catch {
    // Without Intl region data (rare runtimes) the shape check above is all we can do.
    return true;
  }
}

/** Whether `value` is a real calendar date written `YYYY-MM-DD` (no 2020-13-45, no 2021-02-29). */
export function isCalendarDate(value: string): boolean {
  // An invalid date's toJSON() is null; a rolled-over one (02-29 → 03-01) no longer starts with `value`.
  const json: string | null = new Date(`${value}T00:00:00Z`).toJSON();
  return /^\d{4}-\d\d-\d\d$/.test(value) && json?.startsWith(value) === true;
}

/** An https URL. */
export const HTTPS_URL_FORMAT: InputFormat = [
  (value) => {
    try {
      return new URL(value).protocol === "https:";
    } catch {
      return false;
    }
  },
  "an https URL",
];
/** An assigned ISO 3166-1 alpha-2 region code ({@link isCountryCode}). */
export const ISO_COUNTRY_FORMAT: InputFormat = [isCountryCode, 'an ISO 3166-1 alpha-2 code such as "GB"'];
/** A lowercase ISO 639-1 language code. */
export const ISO_LANGUAGE_FORMAT: InputFormat = [
  (value) => /^[a-z]{2}$/.test(value),
  'a lowercase ISO 639-1 code such as "en"',
];
/** A real calendar date written `YYYY-MM-DD` ({@link isCalendarDate}). */
export const DATE_FORMAT: InputFormat = [isCalendarDate, "a real date written YYYY-MM-DD"];
/** A UUID, in any case. */
export const UUID_FORMAT: InputFormat = [
  (value) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value),
  "a UUID",
];
/** ASCII letters and digits, at least one. */
export const ALPHANUMERIC_FORMAT: InputFormat = [(value) => /^[A-Za-z0-9]+$/.test(value), "letters and digits only"];

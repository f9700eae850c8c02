// The string formats the shared input and provider options use, checked before any request.

let regionNames: Intl.DisplayNames | null | undefined;

// CLDR also names regions ISO 3166-1 does not assign (UK is only "exceptionally reserved"). XK
// (Kosovo) is user-assigned but used by identity providers, so it stays accepted.
const NOT_ISO_3166_1 = new Set(["UK", "EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"]);

/** Whether `code` is an assigned ISO 3166-1 alpha-2 region (via Intl where the runtime has it). */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || NOT_ISO_3166_1.has(code)) return false;
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
    } catch {
      regionNames = null;
    }
  }
  // Without Intl region data (rare runtimes) the shape check above is all we can do.
  return regionNames === null || regionNames.of(code) !== undefined;
}

/** Whether `value` is a real calendar date written `YYYY-MM-DD` (no 2020-13-45, no 2021-02-29). */
export function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return /^\d{4}-\d\d-\d\d$/.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * `format`s the schema checker knows, each with a test and what a valid value is: `https-uri`,
 * `iso-country` (ISO 3166-1 alpha-2), `iso-language` (lowercase ISO 639-1), `date` (a real
 * `YYYY-MM-DD` calendar date), `uuid` and `alphanumeric`.
 */
export const INPUT_FORMATS: Record<string, readonly [test: (value: string) => boolean, expected: string]> = {
  "https-uri": [isHttpsUrl, "an https URL"],
  "iso-country": [isCountryCode, 'an ISO 3166-1 alpha-2 code such as "GB"'],
  "iso-language": [(value) => /^[a-z]{2}$/.test(value), 'a lowercase ISO 639-1 code such as "en"'],
  date: [isCalendarDate, "a real date written YYYY-MM-DD"],
  uuid: [(value) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value), "a UUID"],
  alphanumeric: [(value) => /^[A-Za-z0-9]+$/.test(value), "letters and digits only"],
};

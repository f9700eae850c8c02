import { InputValidationError } from "./error-classes.ts";
import type { CreateSessionInput } from "./session-provider.ts";

/** What a provider accepts, for {@link validateSessionInput}. */
export interface SessionInputRules {
  /** Provider display name for messages. */
  provider: string;
  /** Accepted languages; null when the provider takes none. */
  languages: readonly string[] | null;
  /** Whether the provider has a cancel URL. */
  cancelUrl?: boolean;
}

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

function checkHttpsUrl(field: string, value: string | undefined): void {
  if (value === undefined) return;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputValidationError(field, `is not a valid URL: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== "https:")
    throw new InputValidationError(field, `must use https (got ${url.protocol.replace(":", "")})`);
}

/**
 * Checks the fields every provider shares before any request: a reference, https redirect and
 * cancel URLs, an ISO 3166-1 alpha-2 country, and a language the provider accepts.
 */
export function validateSessionInput(input: CreateSessionInput<object>, rules: SessionInputRules): void {
  if (typeof input !== "object" || input === null) throw new InputValidationError("input", "must be an object");
  if (typeof input.reference !== "string" || input.reference.trim() === "") {
    throw new InputValidationError("reference", "is required (your reference for the user or transaction)");
  }
  checkHttpsUrl("redirectUrl", input.redirectUrl);
  checkHttpsUrl("cancelUrl", input.cancelUrl);
  if (input.cancelUrl !== undefined && !rules.cancelUrl) {
    throw new InputValidationError("cancelUrl", `${rules.provider} has no cancel URL`);
  }
  if (input.country !== undefined && !isCountryCode(input.country)) {
    throw new InputValidationError(
      "country",
      `must be an ISO 3166-1 alpha-2 code such as "GB" (got ${JSON.stringify(input.country)})`,
    );
  }
  if (input.language !== undefined) {
    if (rules.languages === null) {
      throw new InputValidationError("language", `${rules.provider} takes no language for its hosted flow`);
    }
    if (!rules.languages.includes(input.language)) {
      throw new InputValidationError(
        "language",
        `${rules.provider} does not support ${JSON.stringify(input.language)}; supported: ${rules.languages.join(", ")}`,
      );
    }
  }
  if (input.person?.dateOfBirth !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(input.person.dateOfBirth)) {
    throw new InputValidationError("person.dateOfBirth", "must be YYYY-MM-DD");
  }
}

import { DATE_FORMAT, HTTPS_URL_FORMAT, ISO_COUNTRY_FORMAT, ISO_LANGUAGE_FORMAT } from "./input-format.ts";
import { checkSchema, type InputSchema } from "./option-check.ts";
import type { CreateSessionInput, SessionPerson, UnsentField } from "./session-provider.ts";

/**
 * Which shared fields of {@link CreateSessionInput} a provider carries, for
 * {@link validateSessionInput}. A field it does not carry is not sent to it and is reported in the
 * session's `unsentFields` — never an error — so an ordered fallback over any providers always has
 * a valid input; a malformed value is refused whatever the provider.
 */
export interface SessionInputRules {
  /** Provider display name for messages. */
  provider: string;
  /** Accepted languages (lowercase ISO 639-1); null when the provider takes none. */
  languages: readonly string[] | null;
  /** Whether the provider has a cancel URL. */
  cancelUrl?: boolean;
  /** Whether `reference` is sent (otherwise it is reported, e.g. when it lives on a client or user). */
  reference?: boolean;
  /** Whether `redirectUrl` is sent. */
  redirectUrl?: boolean;
  /** Whether `country` is sent. */
  country?: boolean;
  /** Whether `metadata` is sent. */
  metadata?: boolean;
  /** Whether `idempotencyKey` is honoured. */
  idempotencyKey?: boolean;
  /** The `person` fields the provider takes; the others are reported. */
  person?: readonly (keyof SessionPerson)[];
  /** Shared fields the provider cannot do without (so it sends them): missing is an InputValidationError. */
  required?: readonly ("redirectUrl" | "cancelUrl")[];
}

const text = { type: "string", minLength: 1 } as const;
const url = { type: "string", format: HTTPS_URL_FORMAT } as const;
const PERSON = {
  firstName: text,
  lastName: text,
  email: text,
  phone: text,
  dateOfBirth: { type: "string", format: DATE_FORMAT },
} as const;
/** The shared input, as the schema checker reads it. */
const SESSION_INPUT_SCHEMA: InputSchema = {
  properties: {
    reference: text,
    redirectUrl: url,
    cancelUrl: url,
    language: { type: "string", format: ISO_LANGUAGE_FORMAT },
    country: { type: "string", format: ISO_COUNTRY_FORMAT },
    person: { properties: PERSON },
    metadata: { type: "object", additionalProperties: { type: "string" } },
    idempotencyKey: text,
    // An AbortSignal has no own enumerable keys; a string or number is refused.
    signal: { type: "object" },
    providerOptions: { type: "object", additionalProperties: {} },
  },
};

// Why a well-formed shared field is not sent, after the provider's name; the rule of the same name says whether it is.
const UNSENT_REASONS = {
  reference: "has no reference field",
  redirectUrl: "has no redirect URL",
  cancelUrl: "has no cancel URL",
  country: "takes no country",
  metadata: "takes no metadata",
  idempotencyKey: "documents no idempotency key",
} as const;

/**
 * Checks the fields every provider shares before any request and returns the ones this provider
 * will not receive. Refused with an InputValidationError naming the field, whatever the provider:
 * a missing reference, a URL that is not an https URL string, a country that is not ISO 3166-1
 * alpha-2, a language that is not lowercase ISO 639-1, a person field that is not a string or a
 * date of birth that is not a real `YYYY-MM-DD` date, metadata that is not flat string pairs, an
 * idempotency key that is not a non-empty string, an unknown field, and a missing field the
 * provider requires. Not sent, and reported: any well-formed field the provider has no place for
 * (a cancel URL, a language it does not offer, …).
 */
export function validateSessionInput(input: CreateSessionInput<object>, rules: SessionInputRules): UnsentField[] {
  checkSchema(input, { ...SESSION_INPUT_SCHEMA, required: ["reference", ...(rules.required ?? [])] }, "");
  const record = input as unknown as Record<string, unknown>;
  const unsent: UnsentField[] = [];
  const report = (field: string, reason: string) => unsent.push({ field, reason: `${rules.provider} ${reason}` });
  for (const [field, reason] of Object.entries(UNSENT_REASONS)) {
    const sent = rules[field as keyof typeof UNSENT_REASONS] || rules.required?.includes(field as "cancelUrl");
    if (record[field] !== undefined && !sent) report(field, reason);
  }
  const { language, person = {} } = input;
  if (language !== undefined && !rules.languages?.includes(language)) {
    report(
      "language",
      rules.languages
        ? `does not offer ${JSON.stringify(language)} (only ${rules.languages.join(", ")})`
        : "takes no language",
    );
  }
  for (const key of Object.keys(PERSON) as (keyof SessionPerson)[]) {
    if (person[key] !== undefined && !rules.person?.includes(key)) report(`person.${key}`, `takes no ${key}`);
  }
  return unsent;
}

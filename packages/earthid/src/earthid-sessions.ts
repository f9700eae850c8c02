import {
  type CreateSessionInput,
  getResponseMeta,
  type HostedSession,
  InputValidationError,
  InvalidResponseError,
  type UnsentField,
  type WebhookEvent,
  type WebhookRequest,
} from "@verifetch/core";
import { checkOptionRecord, isCountryCode, sessionSettingsOf, validateSessionInput } from "@verifetch/core/provider";
import { SESSION_PROVIDER_SPECIFICATION_VERSION, type SessionProvider } from "@verifetch/core/session";
import {
  type CreateSessionRequest,
  type CreateSessionResponse,
  EARTHID_SESSION_TTL_MS,
  type EarthId,
} from "./earthid-client.ts";
import { type EarthIdWebhookPayload, earthIdWebhookUnverifiable } from "./earthid-webhook.ts";

/** Veriff, whose API EarthID mirrors, rejects a longer `vendorData` (error 1500). */
export const EARTHID_MAX_VENDOR_DATA_LENGTH = 1000;

/**
 * EarthID-only options of the unified `createSession` (`providerOptions.earthid`). All optional.
 * They are Veriff's request fields, which EarthID's white-label passes through (its own docs show
 * only `document.type` and `document.country` of these).
 */
export interface EarthIdSessionOptions {
  /**
   * The identity document the end user is expected to use. `country` is its issuing country and
   * wins over the unified `country`; `number` is letters and digits only.
   */
  document?: { type?: string; number?: string; country?: string } | undefined;
  /** Your UUID for the end user (returned in decisions). */
  endUserId?: string | undefined;
  /** Consents the end user has given, e.g. `[{ type: "ine", approved: true }]`. */
  consents?: { type: string; approved: boolean }[] | undefined;
  /** The end user's address as one string. */
  address?: { fullAddress: string } | undefined;
}

type Verification = CreateSessionRequest["verification"];

const OPTION_KEYS = ["document", "endUserId", "consents", "address"];
const DOCUMENT_KEYS = ["type", "number", "country"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The facade adapter of an EarthID client (`earthIdSessions(earthid)`): the unified input becomes
 * `POST /earthid/api/sessions`'s `{ verification }` (Veriff's shape). Webhooks cannot be verified:
 * EarthID documents no signature.
 */
export class EarthIdSessions
  implements SessionProvider<"earthid", EarthIdSessionOptions, CreateSessionResponse, EarthIdWebhookPayload>
{
  readonly specificationVersion = SESSION_PROVIDER_SPECIFICATION_VERSION;
  readonly provider = "earthid";
  /** The create call has no current language field (only a deprecated legacy `lang`), so a language is refused. */
  readonly languages = null;
  /** No shared field is required. */
  readonly requiredFields = [] as const;
  readonly #earthid: EarthId;
  readonly #now: () => number;

  constructor(earthid: EarthId, now: () => number = Date.now) {
    this.#earthid = earthid;
    this.#now = now;
  }

  validate(input: CreateSessionInput<{ earthid?: EarthIdSessionOptions }>): UnsentField[] {
    // No cancel URL (as with Veriff): the end user leaves the flow through the one callback.
    const unsent = validateSessionInput(input, {
      provider: "EarthID",
      languages: this.languages,
      reference: true,
      redirectUrl: true,
      country: true,
      person: ["firstName", "lastName", "email", "phone", "dateOfBirth"],
    });
    if (input.reference.length > EARTHID_MAX_VENDOR_DATA_LENGTH) {
      throw new InputValidationError(
        "reference",
        `EarthID's vendorData is at most ${EARTHID_MAX_VENDOR_DATA_LENGTH} characters (got ${input.reference.length})`,
      );
    }
    validateEarthIdOptions(input.providerOptions?.earthid, "providerOptions.earthid");
    return unsent;
  }

  async createSession(
    input: CreateSessionInput<{ earthid?: EarthIdSessionOptions }>,
  ): Promise<HostedSession<"earthid", CreateSessionResponse>> {
    const unsentFields = this.validate(input);
    // Taken before the request: the token is created during it, so the real expiry is never earlier.
    const requestedAt = this.#now();
    const raw = await this.#earthid.createSession(
      { verification: earthIdVerification(input, input.providerOptions?.earthid) },
      { ...(input.signal !== undefined && { signal: input.signal }) },
    );
    // EarthID marks no response field required, so the adapter checks the two it cannot do without.
    const session = raw.verification;
    if (typeof session?.id !== "string" || session.id === "" || typeof session.url !== "string" || session.url === "") {
      const meta = getResponseMeta(raw);
      throw new InvalidResponseError({
        provider: "earthid",
        status: meta?.status ?? 201,
        body: raw,
        headers: new Headers(),
        requestId: meta?.requestId,
        retryCount: meta?.retryCount,
        message: "earthid created the session but its response has no `verification.id` or no `verification.url`",
      });
    }
    return {
      provider: "earthid",
      id: session.id,
      url: session.url,
      expiresAt: new Date(requestedAt + EARTHID_SESSION_TTL_MS),
      // EarthID documents no sandbox host, key prefix or response marker (with Veriff, test vs live
      // is a property of the integration behind the key).
      sandbox: null,
      // `created` is the documented status of a new session.
      status: session.status ?? "created",
      raw,
      unsentFields,
    };
  }

  /**
   * Always rejects with a `ConfigurationError`: EarthID documents no webhook signature, so a
   * delivery cannot be verified (and no scheme is guessed). Poll `earthid.getDecision(id)` instead.
   */
  async verifyWebhook(_request: WebhookRequest): Promise<WebhookEvent<"earthid", EarthIdWebhookPayload>> {
    throw earthIdWebhookUnverifiable();
  }
}

/** The unified input as Veriff's `verification` object (also EarthID's, which mirrors it). */
function earthIdVerification(
  input: CreateSessionInput<object>,
  options: EarthIdSessionOptions | undefined,
): Verification {
  const person = input.person;
  const personFields = {
    ...(person?.firstName !== undefined && { firstName: person.firstName }),
    ...(person?.lastName !== undefined && { lastName: person.lastName }),
    ...(person?.email !== undefined && { email: person.email }),
    ...(person?.phone !== undefined && { phoneNumber: person.phone }),
    ...(person?.dateOfBirth !== undefined && { dateOfBirth: person.dateOfBirth }),
  };
  // The unified country is the document's issuing country; an explicit document country wins.
  const document = {
    ...(input.country !== undefined && { country: input.country }),
    ...options?.document,
  };
  return {
    vendorData: input.reference,
    ...(input.redirectUrl !== undefined && { callback: input.redirectUrl }),
    ...(Object.keys(personFields).length > 0 && { person: personFields }),
    ...(Object.keys(document).length > 0 && { document }),
    ...(options?.address !== undefined && { address: options.address }),
    ...(options?.endUserId !== undefined && { endUserId: options.endUserId }),
    ...(options?.consents !== undefined && { consents: options.consents }),
    // metadata: there is no such field, so it is not sent.
  };
}

function validateEarthIdOptions(options: unknown, path: string): void {
  if (options === undefined) return;
  const { document, endUserId, consents, address } = checkOptionRecord(options, path, OPTION_KEYS);
  if (document !== undefined) {
    const { type, number, country } = checkOptionRecord(document, `${path}.document`, DOCUMENT_KEYS);
    if (type !== undefined && (typeof type !== "string" || type === "")) {
      throw new InputValidationError(`${path}.document.type`, 'must be a document type such as "PASSPORT"');
    }
    if (number !== undefined && (typeof number !== "string" || !/^[A-Za-z0-9]+$/.test(number))) {
      throw new InputValidationError(`${path}.document.number`, "must be letters and digits only");
    }
    if (country !== undefined && (typeof country !== "string" || !isCountryCode(country))) {
      throw new InputValidationError(
        `${path}.document.country`,
        `must be an ISO 3166-1 alpha-2 code such as "EE" (got ${JSON.stringify(country)})`,
      );
    }
  }
  if (endUserId !== undefined && (typeof endUserId !== "string" || !UUID.test(endUserId))) {
    throw new InputValidationError(`${path}.endUserId`, "must be a UUID");
  }
  if (consents !== undefined) {
    if (!Array.isArray(consents)) throw new InputValidationError(`${path}.consents`, "must be a list");
    consents.forEach((consent: unknown, index) => {
      const at = `${path}.consents[${index}]`;
      const { type, approved } = checkOptionRecord(
        consent,
        at,
        ["type", "approved"],
        "must be an object { type, approved }",
      );
      if (typeof type !== "string" || type === "") {
        throw new InputValidationError(`${at}.type`, 'must be a consent type such as "ine"');
      }
      if (typeof approved !== "boolean") throw new InputValidationError(`${at}.approved`, "must be a boolean");
    });
  }
  if (address !== undefined) {
    const { fullAddress } = checkOptionRecord(
      address,
      `${path}.address`,
      ["fullAddress"],
      "must be an object { fullAddress }",
    );
    if (typeof fullAddress !== "string" || fullAddress.trim() === "") {
      throw new InputValidationError(`${path}.address.fullAddress`, "must be the whole address as a non-empty string");
    }
  }
}

/**
 * The `verifetch` facade adapter of a EarthId client:
 * `createVerifetch({ providers: { "earthid": earthIdSessions(client) } })`. Built apart from the client so a
 * program that only calls the API does not bundle the adapter, its validation and webhook code.
 */
export function earthIdSessions(client: EarthId): EarthIdSessions {
  const settings = sessionSettingsOf(client);
  return new EarthIdSessions(client, settings.now);
}

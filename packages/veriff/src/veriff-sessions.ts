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
import {
  checkOptionRecord,
  isCountryCode,
  loadSetting,
  sessionSettingsOf,
  validateSessionInput,
} from "@verifetch/core/provider";
import { SESSION_PROVIDER_SPECIFICATION_VERSION, type SessionProvider } from "@verifetch/core/session";
import {
  type CreateSessionRequest,
  type CreateSessionResponse,
  VERIFF_SESSION_TTL_MS,
  type Veriff,
} from "./veriff-client.ts";
import { type VeriffWebhookPayload, verifyVeriffWebhook } from "./veriff-webhook.ts";

/** Veriff rejects a longer `vendorData` (error 1500). */
export const VERIFF_MAX_VENDOR_DATA_LENGTH = 1000;

/** Veriff-only options of the unified `createSession` (`providerOptions.veriff`). All optional. */
export interface VeriffSessionOptions {
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
 * The facade adapter of a Veriff client (`veriffSessions(veriff)`): the unified input becomes
 * `POST /v1/sessions`'s `{ verification }`, and webhooks are checked against `X-HMAC-SIGNATURE`.
 */
export class VeriffSessions
  implements SessionProvider<"veriff", VeriffSessionOptions, CreateSessionResponse, VeriffWebhookPayload>
{
  readonly specificationVersion = SESSION_PROVIDER_SPECIFICATION_VERSION;
  readonly provider = "veriff";
  /** Veriff's current create call has no language field (only a deprecated legacy `lang`), so a language is refused. */
  readonly languages = null;
  /** No shared field is required. */
  readonly requiredFields = [] as const;
  readonly #veriff: Veriff;
  readonly #sharedSecret: string | undefined;
  readonly #now: () => number;

  constructor(veriff: Veriff, sharedSecret: string | undefined, now: () => number = Date.now) {
    this.#veriff = veriff;
    this.#sharedSecret = sharedSecret;
    this.#now = now;
  }

  validate(input: CreateSessionInput<{ veriff?: VeriffSessionOptions }>): UnsentField[] {
    // Veriff has no cancel URL: the end user leaves the flow through the one callback.
    const unsent = validateSessionInput(input, {
      provider: "Veriff",
      languages: this.languages,
      reference: true,
      redirectUrl: true,
      country: true,
      person: ["firstName", "lastName", "email", "phone", "dateOfBirth"],
    });
    if (input.reference.length > VERIFF_MAX_VENDOR_DATA_LENGTH) {
      throw new InputValidationError(
        "reference",
        `Veriff's vendorData is at most ${VERIFF_MAX_VENDOR_DATA_LENGTH} characters (got ${input.reference.length})`,
      );
    }
    validateVeriffOptions(input.providerOptions?.veriff, "providerOptions.veriff");
    return unsent;
  }

  async createSession(
    input: CreateSessionInput<{ veriff?: VeriffSessionOptions }>,
  ): Promise<HostedSession<"veriff", CreateSessionResponse>> {
    const unsentFields = this.validate(input);
    // Taken before the request: the token is created during it, so the real expiry is never earlier.
    const requestedAt = this.#now();
    const raw = await this.#veriff.createSession(
      { verification: veriffVerification(input, input.providerOptions?.veriff) },
      { ...(input.signal !== undefined && { signal: input.signal }) },
    );
    // Veriff marks no response field required, so the adapter checks the two it cannot do without.
    const session = raw.verification;
    if (typeof session?.id !== "string" || session.id === "" || typeof session.url !== "string" || session.url === "") {
      const meta = getResponseMeta(raw);
      throw new InvalidResponseError({
        provider: "veriff",
        status: meta?.status ?? 201,
        body: raw,
        headers: new Headers(),
        requestId: meta?.requestId,
        retryCount: meta?.retryCount,
        message: "veriff created the session but its response has no `verification.id` or no `verification.url`",
      });
    }
    return {
      provider: "veriff",
      id: session.id,
      url: session.url,
      expiresAt: new Date(requestedAt + VERIFF_SESSION_TTL_MS),
      // Test vs live is a property of the integration behind the key; nothing in the response says which.
      sandbox: null,
      // `created` is the documented status of a new session.
      status: session.status ?? "created",
      raw,
      unsentFields,
    };
  }

  /** Verifies `X-HMAC-SIGNATURE` with the integration's shared secret (`sharedSecret` or `VERIFF_SHARED_SECRET`). */
  async verifyWebhook(request: WebhookRequest): Promise<WebhookEvent<"veriff", VeriffWebhookPayload>> {
    const secret = loadSetting({
      value: this.#sharedSecret,
      option: "sharedSecret",
      envVar: "VERIFF_SHARED_SECRET",
      description: "Veriff shared secret (webhook signatures are keyed with it)",
    });
    return verifyVeriffWebhook(request, secret);
  }
}

/** The unified input as Veriff's `verification` object (also EarthID's, which mirrors it). */
function veriffVerification(
  input: CreateSessionInput<object>,
  options: VeriffSessionOptions | undefined,
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
    // metadata: Veriff has no such field, so it is not sent.
  };
}

function validateVeriffOptions(options: unknown, path: string): void {
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
 * The `verifetch` facade adapter of a Veriff client:
 * `createVerifetch({ providers: { "veriff": veriffSessions(client) } })`. Built apart from the client so a
 * program that only calls the API does not bundle the adapter, its validation and webhook code.
 */
export function veriffSessions(client: Veriff): VeriffSessions {
  const settings = sessionSettingsOf(client);
  return new VeriffSessions(client, settings.webhookSecret, settings.now);
}

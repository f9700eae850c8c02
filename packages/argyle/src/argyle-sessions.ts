import {
  type CreateSessionInput,
  type HostedSession,
  InputValidationError,
  type UnsentField,
  type WebhookEvent,
  type WebhookRequest,
} from "@verifetch/core";
import {
  checkOptionRecord,
  isRecord,
  loadSetting,
  sessionSettingsOf,
  validateSessionInput,
} from "@verifetch/core/provider";
import { SESSION_PROVIDER_SPECIFICATION_VERSION, type SessionProvider } from "@verifetch/core/session";
import { ARGYLE_SESSION_TTL_MS, type Argyle, type CreateSessionRequest, type Session } from "./argyle-client.ts";
import { type ArgyleWebhookPayload, verifyArgyleWebhook } from "./argyle-webhook.ts";
import { clientSessionCreateConfigurationLanguageValues } from "./generated/openapi.ts";

type SessionConfiguration = NonNullable<CreateSessionRequest["configuration"]>;

/** Argyle-only options of the unified `createSession` (`providerOptions.argyle`). */
export interface ArgyleSessionOptions {
  /** The verification the session connects (uuid): the `id` returned by `createVerification`. */
  verification: string;
  /** Banking only: bank-connection experience customization id (uuid). Sent as `configuration.experience`. */
  experience?: string | undefined;
  /** Payroll only: embedded connection experience customization id. Sent as `configuration.flow_id`. */
  flowId?: string | undefined;
  /** Payroll only: the Items Link offers (one skips search). Sent as `configuration.items`. */
  items?: string[] | undefined;
  /** Payroll only: the session runs in a mobile app. Sent as `configuration.mobile_app`. */
  mobileApp?: boolean | undefined;
  /** Banking only: the link expires after one successful connection. Sent as `configuration.single_use_url`. */
  singleUseUrl?: boolean | undefined;
}

const FIELD = "providerOptions.argyle";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OPTION_KEYS = ["verification", "experience", "flowId", "items", "mobileApp", "singleUseUrl"];

/**
 * The facade adapter of an Argyle client (`argyleSessions(argyle)`). Argyle sessions have no id of their
 * own: the HostedSession's `id` is the verification id, which `verifications.*` webhooks carry.
 */
export class ArgyleSessions implements SessionProvider<"argyle", ArgyleSessionOptions, Session, ArgyleWebhookPayload> {
  readonly specificationVersion = SESSION_PROVIDER_SPECIFICATION_VERSION;
  readonly provider = "argyle" as const;
  /** Link's display languages (payroll only), lower-cased: `en`, `es`, `ru`, `zh`. */
  readonly languages: readonly string[] = clientSessionCreateConfigurationLanguageValues.map((language) =>
    language.toLowerCase(),
  );
  /** No shared field is required. */
  readonly requiredFields = [] as const;
  readonly #argyle: Argyle;
  readonly #webhookSecret: string | undefined;
  readonly #now: () => number;

  constructor(argyle: Argyle, webhookSecret: string | undefined, now: () => number = Date.now) {
    this.#argyle = argyle;
    this.#webhookSecret = webhookSecret;
    this.#now = now;
  }

  validate(input: CreateSessionInput<{ argyle?: ArgyleSessionOptions }>): UnsentField[] {
    // Argyle has no cancel URL: the user closes Link and returns to `redirect_url`.
    const unsent = validateSessionInput(input, { provider: "Argyle", languages: this.languages, redirectUrl: true });
    const options: unknown = input.providerOptions?.argyle;
    if (!isRecord(options)) {
      throw new InputValidationError(
        `${FIELD}.verification`,
        "is required: the id of a verification created with createVerification",
      );
    }
    const record = checkOptionRecord(options, FIELD, OPTION_KEYS);
    if (typeof record.verification !== "string" || !UUID.test(record.verification)) {
      throw new InputValidationError(
        `${FIELD}.verification`,
        "must be the uuid of a verification created with createVerification",
      );
    }
    if (record.experience !== undefined && (typeof record.experience !== "string" || !UUID.test(record.experience))) {
      throw new InputValidationError(`${FIELD}.experience`, "must be a uuid (a banking experience customization id)");
    }
    if (record.flowId !== undefined && (typeof record.flowId !== "string" || record.flowId.trim() === "")) {
      throw new InputValidationError(`${FIELD}.flowId`, "must be a non-empty string");
    }
    if (
      record.items !== undefined &&
      (!Array.isArray(record.items) || record.items.some((item) => typeof item !== "string" || item === ""))
    ) {
      throw new InputValidationError(`${FIELD}.items`, "must be a list of Item ids such as item_000000001");
    }
    for (const key of ["mobileApp", "singleUseUrl"]) {
      if (record[key] !== undefined && typeof record[key] !== "boolean") {
        throw new InputValidationError(`${FIELD}.${key}`, "must be a boolean");
      }
    }
    return unsent;
  }

  async createSession(
    input: CreateSessionInput<{ argyle?: ArgyleSessionOptions }>,
  ): Promise<HostedSession<"argyle", Session>> {
    const unsentFields = this.validate(input);
    const options = input.providerOptions?.argyle as ArgyleSessionOptions;
    const configuration: SessionConfiguration = {
      ...(input.redirectUrl !== undefined && { redirect_url: input.redirectUrl }),
      ...(input.language !== undefined &&
        !unsentFields.some((entry) => entry.field === "language") && {
          language: input.language?.toUpperCase() as NonNullable<SessionConfiguration["language"]>,
        }),
      ...(options.experience !== undefined && { experience: options.experience }),
      ...(options.flowId !== undefined && { flow_id: options.flowId }),
      ...(options.items !== undefined && { items: options.items }),
      ...(options.mobileApp !== undefined && { mobile_app: options.mobileApp }),
      ...(options.singleUseUrl !== undefined && { single_use_url: options.singleUseUrl }),
    };
    // Taken before the request: the link's hour starts when Argyle creates the session, so this
    // never reports a link as valid after it has expired.
    const requestedAt = this.#now();
    const raw = await this.#argyle.createSession(
      {
        verification: options.verification,
        ...(Object.keys(configuration).length > 0 && { configuration }),
      },
      {
        ...(input.signal !== undefined && { signal: input.signal }),
      },
    );
    return {
      provider: "argyle",
      // Argyle sessions have no id of their own; the verification is what webhooks report on.
      id: options.verification,
      // createSession refused a response without a link (InvalidResponseError, credentials redacted).
      url: raw.link as string,
      // Argyle documents that session links expire after one hour.
      expiresAt: new Date(requestedAt + ARGYLE_SESSION_TTL_MS),
      sandbox: this.#argyle.environment === "sandbox",
      status: "created",
      raw,
      unsentFields,
    };
  }

  /** Verifies `X-Argyle-Signature` with the subscription secret (`webhookSecret` or `ARGYLE_WEBHOOK_SECRET`). */
  async verifyWebhook(request: WebhookRequest): Promise<WebhookEvent<"argyle", ArgyleWebhookPayload>> {
    const secret = loadSetting({
      value: this.#webhookSecret,
      option: "webhookSecret",
      envVar: "ARGYLE_WEBHOOK_SECRET",
      description: "Argyle webhook secret",
    });
    return verifyArgyleWebhook(request, secret);
  }
}

/**
 * The `verifetch` facade adapter of a Argyle client:
 * `createVerifetch({ providers: { "argyle": argyleSessions(client) } })`. Built apart from the client so a
 * program that only calls the API does not bundle the adapter, its validation and webhook code.
 */
export function argyleSessions(client: Argyle): ArgyleSessions {
  const settings = sessionSettingsOf(client);
  return new ArgyleSessions(client, settings.webhookSecret, settings.now);
}

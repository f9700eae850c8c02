import {
  type CreateSessionInput,
  checkOptionRecord,
  getResponseMeta,
  type HostedSession,
  InputValidationError,
  InvalidResponseError,
  loadSetting,
  SESSION_PROVIDER_SPECIFICATION_VERSION,
  type SessionProvider,
  sessionSettingsOf,
  type UnsentField,
  validateSessionInput,
  type WebhookEvent,
  type WebhookRequest,
} from "@verifetch/core";
import { type CreateSessionResponse, VERIFA_SESSION_TTL_MS, type Verifa } from "./verifa-client.ts";
import { type VerifaWebhookPayload, verifyVerifaWebhook } from "./verifa-webhook.ts";

/** Verifa-only options of the unified `createSession` (`providerOptions.verifa`). All optional. */
export interface VerifaSessionOptions {
  /** The workflow to run; the organisation's default otherwise. */
  workflowId?: string | undefined;
  /** Per-session check overrides; the workflow's checks otherwise. */
  checks?: string[] | undefined;
}

const FIELD = "providerOptions.verifa";

/** The facade adapter of a Verifa client (`verifaSessions(verifa)`). */
export class VerifaSessions
  implements SessionProvider<"verifa", VerifaSessionOptions, CreateSessionResponse, VerifaWebhookPayload>
{
  readonly specificationVersion = SESSION_PROVIDER_SPECIFICATION_VERSION;
  readonly provider = "verifa";
  /** Verifa's create call takes no language. */
  readonly languages = null;
  /** No shared field is required. */
  readonly requiredFields = [] as const;
  readonly #verifa: Verifa;
  readonly #webhookSecret: string | undefined;
  readonly #now: () => number;

  constructor(verifa: Verifa, webhookSecret: string | undefined, now: () => number = Date.now) {
    this.#verifa = verifa;
    this.#webhookSecret = webhookSecret;
    this.#now = now;
  }

  validate(input: CreateSessionInput<{ verifa?: VerifaSessionOptions }>): UnsentField[] {
    const unsent = validateSessionInput(input, {
      provider: "Verifa",
      languages: this.languages,
      reference: true,
      redirectUrl: true,
      country: true,
      metadata: true,
      idempotencyKey: true,
    });
    const options = input.providerOptions?.verifa;
    if (options === undefined) return unsent;
    const record = checkOptionRecord(options, FIELD, ["workflowId", "checks"]);
    if (record.workflowId !== undefined && (typeof record.workflowId !== "string" || record.workflowId.trim() === "")) {
      throw new InputValidationError(`${FIELD}.workflowId`, "must be a non-empty string");
    }
    if (
      record.checks !== undefined &&
      (!Array.isArray(record.checks) || record.checks.some((c) => typeof c !== "string" || c.trim() === ""))
    ) {
      throw new InputValidationError(`${FIELD}.checks`, "must be a list of check names");
    }
    return unsent;
  }

  async createSession(
    input: CreateSessionInput<{ verifa?: VerifaSessionOptions }>,
  ): Promise<HostedSession<"verifa", CreateSessionResponse>> {
    const unsentFields = this.validate(input);
    const options = input.providerOptions?.verifa;
    // Taken before the request: the capture token's 20 minutes start when Verifa creates the session.
    const requestedAt = this.#now();
    const raw = await this.#verifa.createSession(
      {
        external_ref: input.reference,
        ...(input.redirectUrl !== undefined && { redirect_url: input.redirectUrl }),
        ...(input.country !== undefined && { country: input.country }),
        ...(input.metadata !== undefined && { metadata: input.metadata }),
        ...(options?.workflowId !== undefined && { workflow_id: options.workflowId }),
        ...(options?.checks !== undefined && { checks: options.checks }),
      },
      {
        ...(input.signal !== undefined && { signal: input.signal }),
        ...(input.idempotencyKey !== undefined && { idempotencyKey: input.idempotencyKey }),
      },
    );
    // Verifa's reference marks no response field required (its guides' examples differ), so the
    // adapter checks the two it cannot do without and falls back to documented values for the rest.
    if (typeof raw.id !== "string" || raw.id === "" || typeof raw.capture_url !== "string" || raw.capture_url === "") {
      const meta = getResponseMeta(raw);
      throw new InvalidResponseError({
        provider: "verifa",
        status: meta?.status ?? 201,
        body: raw,
        headers: new Headers(),
        requestId: meta?.requestId,
        retryCount: meta?.retryCount,
        message: "verifa created the session but its response has no `id` or no `capture_url`",
      });
    }
    return {
      provider: "verifa",
      id: raw.id,
      url: raw.capture_url,
      expiresAt: new Date(raw.expires_at ?? requestedAt + VERIFA_SESSION_TTL_MS),
      sandbox: raw.is_sandbox ?? this.#verifa.environment === "sandbox",
      // A new session's documented status.
      status: raw.status ?? "pending",
      raw,
      unsentFields,
    };
  }

  /** Verifies `X-Verifa-Signature` with the endpoint secret (`webhookSecret` or `VERIFA_WEBHOOK_SECRET`). */
  async verifyWebhook(request: WebhookRequest): Promise<WebhookEvent<"verifa", VerifaWebhookPayload>> {
    const secret = loadSetting({
      value: this.#webhookSecret,
      option: "webhookSecret",
      envVar: "VERIFA_WEBHOOK_SECRET",
      description: "Verifa webhook secret",
    });
    return verifyVerifaWebhook(request, secret, this.#now());
  }
}

/**
 * The `verifetch` facade adapter of a Verifa client:
 * `createVerifetch({ providers: { "verifa": verifaSessions(client) } })`. Built apart from the client so a
 * program that only calls the API does not bundle the adapter, its validation and webhook code.
 */
export function verifaSessions(client: Verifa): VerifaSessions {
  const settings = sessionSettingsOf(client);
  return new VerifaSessions(client, settings.webhookSecret, settings.now);
}

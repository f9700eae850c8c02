import {
  type CreateSessionInput,
  checkOptionRecord,
  type HostedSession,
  InputValidationError,
  isRecord,
  loadSetting,
  SESSION_PROVIDER_SPECIFICATION_VERSION,
  type SessionProvider,
  sessionSettingsOf,
  validateSessionInput,
  type WebhookEvent,
  type WebhookRequest,
} from "@verifetch/core";
import type { CheckType, ComplyCube, CreateFlowSessionRequest, FlowSession } from "./complycube-client.ts";
import { type ComplyCubeWebhookPayload, verifyComplyCubeWebhook } from "./complycube-webhook.ts";
import { checkTypeValues, type components, flowLanguageValues, flowThemeValues } from "./generated/openapi.ts";

type Schemas = components["schemas"];

/** Options both ComplyCube session variants take. */
interface ComplyCubeSessionOptionsBase {
  /**
   * The ComplyCube client (person or company) to verify: the `id` of `createClient`. Put your own
   * reference on that client's `externalId`; check webhooks then carry it.
   */
  clientId: string;
  /** `"light"` (default) or `"dark"`. */
  theme?: Schemas["FlowTheme"];
  /** Support address shown in the flow; none is shown when omitted. */
  supportEmail?: string;
}

/** A check-driven session: ComplyCube builds the flow from `checkTypes` (documented as the legacy approach). */
export interface ComplyCubeCheckSessionOptions extends ComplyCubeSessionOptionsBase {
  /** The checks to run (at least one). */
  checkTypes: CheckType[];
  workflowTemplateId?: never;
  /** Continuous monitoring for the selected checks (default false). */
  enableMonitoring?: boolean;
  /** false forces document capture with a phone (default true). */
  allowDocumentUpload?: boolean;
  /** The ID document types the client may choose; all when omitted. */
  documentTypes?: Schemas["FlowDocumentTypes"];
  /** Custom intro and completion screen texts. */
  messages?: Schemas["FlowMessages"];
  shortUrl?: never;
}

/** A workflow-driven session: the template's active version runs (the approach ComplyCube recommends). */
export interface ComplyCubeWorkflowSessionOptions extends ComplyCubeSessionOptionsBase {
  /** The workflow template whose active version runs; ComplyCube fails the call when none is active. */
  workflowTemplateId: string;
  checkTypes?: never;
  /** Return a shortened URL, e.g. for SMS (default false). */
  shortUrl?: boolean;
  enableMonitoring?: never;
  allowDocumentUpload?: never;
  documentTypes?: never;
  messages?: never;
}

/**
 * ComplyCube-only options of the unified `createSession` (`providerOptions.complycube`): the
 * `clientId` and exactly one of `checkTypes` and `workflowTemplateId`.
 */
export type ComplyCubeSessionOptions = ComplyCubeCheckSessionOptions | ComplyCubeWorkflowSessionOptions;

const FIELD = "providerOptions.complycube";
const COMMON_KEYS = ["clientId", "theme", "supportEmail"];
const CHECK_KEYS = ["checkTypes", "enableMonitoring", "allowDocumentUpload", "documentTypes", "messages"];
const WORKFLOW_KEYS = ["workflowTemplateId", "shortUrl"];
const DOCUMENT_TYPE_KEYS = ["passport", "driving_license", "residence_permit", "national_identity_card"];
const MESSAGE_KEYS = ["intro", "completion"];
const MESSAGE_CONTENT_KEYS = ["heading", "message"];

/**
 * The facade adapter of a ComplyCube client (`complyCubeSessions(complycube)`). ComplyCube's flow session has
 * no id of its own: the HostedSession's `id` is the `clientId`, which check webhooks also carry.
 */
export class ComplyCubeSessions
  implements SessionProvider<"complycube", ComplyCubeSessionOptions, FlowSession, ComplyCubeWebhookPayload>
{
  readonly specificationVersion = SESSION_PROVIDER_SPECIFICATION_VERSION;
  readonly provider = "complycube" as const;
  /** The hosted flow's languages (check-driven sessions only; a workflow's template decides its own). */
  readonly languages: readonly string[] = flowLanguageValues;
  readonly #complycube: ComplyCube;
  readonly #webhookSecret: string | undefined;

  constructor(complycube: ComplyCube, webhookSecret: string | undefined) {
    this.#complycube = complycube;
    this.#webhookSecret = webhookSecret;
  }

  validate(input: CreateSessionInput<{ complycube?: ComplyCubeSessionOptions }>): void {
    validateSessionInput(input, { provider: "ComplyCube", languages: this.languages, cancelUrl: true });
    // ComplyCube requires both URLs; inventing defaults would send users somewhere unintended.
    if (input.redirectUrl === undefined) {
      throw new InputValidationError("redirectUrl", "is required by ComplyCube (sent as successUrl)");
    }
    if (input.cancelUrl === undefined) {
      throw new InputValidationError("cancelUrl", "is required by ComplyCube (where the user goes when they cancel)");
    }
    const record: unknown = input.providerOptions?.complycube;
    if (!isRecord(record)) {
      throw new InputValidationError(
        `${FIELD}.clientId`,
        "is required, with exactly one of checkTypes and workflowTemplateId",
      );
    }
    checkNonEmptyString(record, "clientId");
    const hasChecks = record.checkTypes !== undefined;
    const hasWorkflow = record.workflowTemplateId !== undefined;
    if (hasChecks && hasWorkflow) {
      throw new InputValidationError(
        `${FIELD}.workflowTemplateId`,
        "cannot be combined with checkTypes: pass exactly one of checkTypes and workflowTemplateId",
      );
    }
    if (!hasChecks && !hasWorkflow) {
      throw new InputValidationError(
        `${FIELD}.checkTypes`,
        "or workflowTemplateId is required (exactly one of the two)",
      );
    }
    const own = hasChecks ? CHECK_KEYS : WORKFLOW_KEYS;
    const other = hasChecks ? WORKFLOW_KEYS : CHECK_KEYS;
    for (const [key, value] of Object.entries(record)) {
      if (value === undefined || COMMON_KEYS.includes(key) || own.includes(key)) continue;
      if (other.includes(key)) {
        throw new InputValidationError(
          `${FIELD}.${key}`,
          hasChecks
            ? "belongs to workflow-driven sessions (workflowTemplateId), not check-driven ones"
            : "belongs to check-driven sessions (checkTypes), not workflow-driven ones",
        );
      }
      throw new InputValidationError(
        `${FIELD}.${key}`,
        `is not a known option (known: ${[...COMMON_KEYS, ...own].join(", ")})`,
      );
    }
    if (record.theme !== undefined && !(flowThemeValues as readonly unknown[]).includes(record.theme)) {
      throw new InputValidationError(`${FIELD}.theme`, `must be one of ${flowThemeValues.join(", ")}`);
    }
    if (record.supportEmail !== undefined) checkNonEmptyString(record, "supportEmail");
    if (hasWorkflow) {
      checkNonEmptyString(record, "workflowTemplateId");
      checkBoolean(record, "shortUrl");
      // The workflow-driven request has no language field: the template decides.
      if (input.language !== undefined) {
        throw new InputValidationError(
          "language",
          "ComplyCube's workflow-driven sessions take no language (the workflow template decides); use checkTypes or leave it out",
        );
      }
      return;
    }
    const checkTypes = record.checkTypes;
    if (!Array.isArray(checkTypes) || checkTypes.length === 0) {
      throw new InputValidationError(`${FIELD}.checkTypes`, "must be a non-empty list of check types");
    }
    for (const checkType of checkTypes) {
      if (!(checkTypeValues as readonly unknown[]).includes(checkType)) {
        throw new InputValidationError(
          `${FIELD}.checkTypes`,
          `${JSON.stringify(checkType)} is not a ComplyCube check type; supported: ${checkTypeValues.join(", ")}`,
        );
      }
    }
    checkBoolean(record, "enableMonitoring");
    checkBoolean(record, "allowDocumentUpload");
    if (record.documentTypes !== undefined) {
      const documentTypes = checkOptionRecord(record.documentTypes, `${FIELD}.documentTypes`, DOCUMENT_TYPE_KEYS);
      for (const [key, value] of Object.entries(documentTypes)) {
        if (value !== undefined && typeof value !== "boolean") {
          throw new InputValidationError(`${FIELD}.documentTypes.${key}`, "must be a boolean");
        }
      }
    }
    if (record.messages !== undefined) {
      const messages = checkOptionRecord(record.messages, `${FIELD}.messages`, MESSAGE_KEYS);
      for (const [screen, content] of Object.entries(messages)) {
        if (content === undefined) continue;
        const texts = checkOptionRecord(content, `${FIELD}.messages.${screen}`, MESSAGE_CONTENT_KEYS);
        for (const [key, value] of Object.entries(texts)) {
          if (value !== undefined && typeof value !== "string") {
            throw new InputValidationError(`${FIELD}.messages.${screen}.${key}`, "must be a string");
          }
        }
      }
    }
  }

  async createSession(
    input: CreateSessionInput<{ complycube?: ComplyCubeSessionOptions }>,
  ): Promise<HostedSession<"complycube", FlowSession>> {
    this.validate(input);
    // validate() guarantees the options, both URLs and exactly one variant.
    const options = input.providerOptions?.complycube as ComplyCubeSessionOptions;
    const common = {
      clientId: options.clientId,
      successUrl: input.redirectUrl as string,
      cancelUrl: input.cancelUrl as string,
      ...(options.theme !== undefined && { theme: options.theme }),
      ...(options.supportEmail !== undefined && { supportEmail: options.supportEmail }),
    };
    const body: CreateFlowSessionRequest =
      options.workflowTemplateId !== undefined
        ? {
            ...common,
            workflowTemplateId: options.workflowTemplateId,
            ...(options.shortUrl !== undefined && { shortUrl: options.shortUrl }),
          }
        : {
            ...common,
            checkTypes: options.checkTypes,
            ...(input.language !== undefined && { language: input.language as Schemas["FlowLanguage"] }),
            ...(options.enableMonitoring !== undefined && { enableMonitoring: options.enableMonitoring }),
            ...(options.allowDocumentUpload !== undefined && { allowDocumentUpload: options.allowDocumentUpload }),
            ...(options.documentTypes !== undefined && { documentTypes: options.documentTypes }),
            ...(options.messages !== undefined && { messages: options.messages }),
          };
    const raw = await this.#complycube.createFlowSession(body, {
      ...(input.signal !== undefined && { signal: input.signal }),
      ...(input.idempotencyKey !== undefined && { idempotencyKey: input.idempotencyKey }),
    });
    return {
      provider: "complycube",
      // ComplyCube returns no session id; the client id is what its check webhooks carry.
      id: options.clientId,
      url: raw.redirectUrl,
      // ComplyCube documents no lifetime for the flow URL.
      expiresAt: null,
      sandbox: this.#complycube.environment === "sandbox",
      status: "created",
      raw,
    };
  }

  /** Verifies `ComplyCube-Signature` with the webhook secret (`webhookSecret` or `COMPLYCUBE_WEBHOOK_SECRET`). */
  async verifyWebhook(request: WebhookRequest): Promise<WebhookEvent<"complycube", ComplyCubeWebhookPayload>> {
    const secret = loadSetting({
      value: this.#webhookSecret,
      option: "webhookSecret",
      envVar: "COMPLYCUBE_WEBHOOK_SECRET",
      description: "ComplyCube webhook secret",
    });
    return verifyComplyCubeWebhook(request, secret);
  }
}

function checkNonEmptyString(record: Record<string, unknown>, key: string): void {
  const value = record[key];
  if (typeof value !== "string" || value.trim() === "") {
    throw new InputValidationError(`${FIELD}.${key}`, "must be a non-empty string");
  }
}

function checkBoolean(record: Record<string, unknown>, key: string): void {
  if (record[key] !== undefined && typeof record[key] !== "boolean") {
    throw new InputValidationError(`${FIELD}.${key}`, "must be a boolean");
  }
}

/**
 * The `verifetch` facade adapter of a ComplyCube client:
 * `createVerifetch({ providers: { "complycube": complyCubeSessions(client) } })`. Built apart from the client so a
 * program that only calls the API does not bundle the adapter, its validation and webhook code.
 */
export function complyCubeSessions(client: ComplyCube): ComplyCubeSessions {
  const settings = sessionSettingsOf(client);
  return new ComplyCubeSessions(client, settings.webhookSecret);
}

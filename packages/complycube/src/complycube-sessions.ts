import type { HostedSession, UnsentField, WebhookEvent, WebhookRequest } from "@verifetch/core";
import {
  checkSchema,
  type InputSchema,
  isRecord,
  loadSetting,
  sessionSettingsOf,
  validateSessionInput,
} from "@verifetch/core/provider";
import {
  type ProviderSessionInput,
  SESSION_PROVIDER_SPECIFICATION_VERSION,
  type SessionProvider,
} from "@verifetch/core/session";
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
  theme?: Schemas["FlowTheme"] | undefined;
  /** Support address shown in the flow; none is shown when omitted. */
  supportEmail?: string | undefined;
}

/** A check-driven session: ComplyCube builds the flow from `checkTypes` (documented as the legacy approach). */
export interface ComplyCubeCheckSessionOptions extends ComplyCubeSessionOptionsBase {
  /** The checks to run (at least one). */
  checkTypes: CheckType[];
  workflowTemplateId?: never;
  /** Continuous monitoring for the selected checks (default false). */
  enableMonitoring?: boolean | undefined;
  /** false forces document capture with a phone (default true). */
  allowDocumentUpload?: boolean | undefined;
  /** The ID document types the client may choose; all when omitted. */
  documentTypes?: Schemas["FlowDocumentTypes"] | undefined;
  /** Custom intro and completion screen texts. */
  messages?: Schemas["FlowMessages"] | undefined;
  shortUrl?: never;
}

/** A workflow-driven session: the template's active version runs (the approach ComplyCube recommends). */
export interface ComplyCubeWorkflowSessionOptions extends ComplyCubeSessionOptionsBase {
  /** The workflow template whose active version runs; ComplyCube fails the call when none is active. */
  workflowTemplateId: string;
  checkTypes?: never;
  /** Return a shortened URL, e.g. for SMS (default false). */
  shortUrl?: boolean | undefined;
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

/** The unified input ComplyCube takes: both URLs are required. */
export type ComplyCubeSessionInput = ProviderSessionInput<
  "complycube",
  ComplyCubeSessionOptions,
  "redirectUrl" | "cancelUrl"
>;

const FIELD = "providerOptions.complycube";
const text = { type: "string", minLength: 1 } as const;
const flag = { type: "boolean" } as const;
const theme = { enum: flowThemeValues } as const;
const screen = { properties: { heading: { type: "string" }, message: { type: "string" } } } as const;
// No object spreads at module level: bundlers keep a spread (it could run getters), and with it
// this table, in programs that never use the adapter.
/** The options of each variant, as the shared schema checker reads them (the check-driven one is first). */
const VARIANTS: readonly InputSchema[] = [
  {
    properties: {
      clientId: text,
      theme,
      supportEmail: text,
      checkTypes: { type: "array", minItems: 1, items: { enum: checkTypeValues } },
      enableMonitoring: flag,
      allowDocumentUpload: flag,
      documentTypes: {
        properties: { passport: flag, driving_license: flag, residence_permit: flag, national_identity_card: flag },
      },
      messages: { properties: { intro: screen, completion: screen } },
    },
    required: ["clientId", "checkTypes"],
  },
  {
    properties: { clientId: text, theme, supportEmail: text, workflowTemplateId: text, shortUrl: flag },
    required: ["clientId", "workflowTemplateId"],
  },
];

/**
 * The facade adapter of a ComplyCube client (`complyCubeSessions(complycube)`). ComplyCube's flow session has
 * no id of its own: the HostedSession's `id` is the `clientId`, which check webhooks also carry.
 */
export class ComplyCubeSessions
  implements
    SessionProvider<
      "complycube",
      ComplyCubeSessionOptions,
      FlowSession,
      ComplyCubeWebhookPayload,
      "redirectUrl" | "cancelUrl"
    >
{
  readonly specificationVersion = SESSION_PROVIDER_SPECIFICATION_VERSION;
  readonly provider = "complycube" as const;
  /** The hosted flow's languages (check-driven sessions only; a workflow's template decides its own). */
  readonly languages: readonly string[] = flowLanguageValues;
  /** ComplyCube requires both URLs; inventing defaults would send users somewhere unintended. */
  readonly requiredFields = ["redirectUrl", "cancelUrl"] as const;
  readonly #complycube: ComplyCube;
  readonly #webhookSecret: string | undefined;

  constructor(complycube: ComplyCube, webhookSecret: string | undefined) {
    this.#complycube = complycube;
    this.#webhookSecret = webhookSecret;
  }

  validate(input: ComplyCubeSessionInput): UnsentField[] {
    const unsent = validateSessionInput(input, {
      provider: "ComplyCube",
      languages: this.languages,
      redirectUrl: true,
      cancelUrl: true,
      required: this.requiredFields,
    });
    const options: unknown = input.providerOptions?.complycube;
    // A workflow template picks the workflow-driven variant; checkTypes is then an unknown option.
    const workflow = isRecord(options) && options.workflowTemplateId !== undefined;
    checkSchema(options, VARIANTS[workflow ? 1 : 0] as InputSchema, FIELD);
    // The workflow-driven request has no language field: the template decides.
    if (workflow && input.language !== undefined && !unsent.some((entry) => entry.field === "language")) {
      unsent.push({ field: "language", reason: "ComplyCube's workflow-driven sessions take no language" });
    }
    return unsent;
  }

  async createSession(input: ComplyCubeSessionInput): Promise<HostedSession<"complycube", FlowSession>> {
    const unsentFields = this.validate(input);
    // validate() guarantees the options, both URLs and exactly one variant.
    const options = input.providerOptions?.complycube as ComplyCubeSessionOptions;
    // The options are the request's own fields (same names), checked against the variant's schema.
    const body = {
      ...options,
      successUrl: input.redirectUrl,
      cancelUrl: input.cancelUrl,
      ...(input.language !== undefined &&
        !unsentFields.some((entry) => entry.field === "language") && {
          language: input.language as Schemas["FlowLanguage"],
        }),
    } as CreateFlowSessionRequest;
    const raw = await this.#complycube.createFlowSession(body, {
      ...(input.signal !== undefined && { signal: input.signal }),
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
      unsentFields,
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

/**
 * The `verifetch` facade adapter of a ComplyCube client:
 * `createVerifetch({ providers: { "complycube": complyCubeSessions(client) } })`. Built apart from the client so a
 * program that only calls the API does not bundle the adapter, its validation and webhook code.
 */
export function complyCubeSessions(client: ComplyCube): ComplyCubeSessions {
  const settings = sessionSettingsOf(client);
  return new ComplyCubeSessions(client, settings.webhookSecret);
}

// The Argyle session mapping, shared by the two specs of Argyle's connection sessions (the
// Verifications API and the Partners API take the same session body): the options, how the unified
// input becomes the create-session body, and how a webhook becomes a WebhookEvent. Codegen copies it
// into each package's src/generated/ (`x-verifetch-shared-code`), next to the types generated from
// its spec, so both packages share it without depending on each other.
import {
  type CreateSessionInput,
  InputValidationError,
  type UnsentField,
  WebhookVerificationError,
} from "@verifetch/core";
import { type InputSchema, isRecord, UUID_FORMAT } from "@verifetch/core/provider";
import type { operations } from "./openapi.ts";

type CreateSessionBody = operations["createSession"]["requestBody"]["content"]["application/json"];
type Configuration = NonNullable<CreateSessionBody["configuration"]>;

/** Options of an Argyle session (`providerOptions.argyle` / `["argyle-partners"]`): the verification, and Link's settings. */
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

const text = { type: "string", minLength: 1 } as const;
const flag = { type: "boolean" } as const;
/** The options' schema, checked with field paths before any request (`verification`: {@link checkArgyleVerification}). */
export const ARGYLE_SESSION_OPTIONS: InputSchema = {
  properties: {
    verification: {},
    experience: { type: "string", format: UUID_FORMAT },
    flowId: text,
    items: { type: "array", items: text },
    mobileApp: flag,
    singleUseUrl: flag,
  },
};

/** Refuses a missing or malformed `verification` at `<field>.verification`, saying where the id comes from. */
export function checkArgyleVerification(options: unknown, field: string): void {
  const verification = isRecord(options) ? options.verification : undefined;
  if (verification === undefined) {
    throw new InputValidationError(
      `${field}.verification`,
      "is required: the id of a verification created with createVerification",
    );
  }
  if (typeof verification !== "string" || !UUID_FORMAT[0](verification)) {
    throw new InputValidationError(
      `${field}.verification`,
      "must be the uuid of a verification created with createVerification",
    );
  }
}

/** The unified input as a create-session body: Link's `configuration`, sent only when something is set. */
export function argyleSessionBody(
  input: CreateSessionInput<object>,
  options: ArgyleSessionOptions,
  unsent: readonly UnsentField[],
): CreateSessionBody {
  const { verification, experience, flowId, items, mobileApp, singleUseUrl } = options;
  const configuration = {
    ...(input.redirectUrl !== undefined && { redirect_url: input.redirectUrl }),
    // Link's languages are upper case; one Link does not offer was reported unsent by validation.
    ...(input.language !== undefined &&
      !unsent.some((entry) => entry.field === "language") && { language: input.language.toUpperCase() }),
    ...(experience !== undefined && { experience }),
    ...(flowId !== undefined && { flow_id: flowId }),
    ...(items !== undefined && { items }),
    ...(mobileApp !== undefined && { mobile_app: mobileApp }),
    ...(singleUseUrl !== undefined && { single_use_url: singleUseUrl }),
  } as Configuration;
  return { verification, ...(Object.keys(configuration).length > 0 && { configuration }) };
}

/**
 * An Argyle webhook delivery: `{ event, name, data }`. `verifications.updated` carries the `user`
 * and `verification` ids (and, from the Partners API, the `client`), plus the verification itself in
 * `resource` when the subscription asked for it (`config.include_resource`);
 * `verifications.creation_failed` (Partners API) carries `user`, `client` and a `context`.
 */
export interface ArgyleWebhookPayload {
  /** The event, e.g. `"verifications.updated"`. */
  event: string;
  /** The name given to the subscription. */
  name?: string;
  data?: {
    user?: string;
    /** Partners API only: the partner's client the verification belongs to. */
    client?: string;
    verification?: string;
    resource?: {
      id?: string;
      external_id?: string | null;
      status?: { state?: string; code?: string; [key: string]: unknown };
      [key: string]: unknown;
    };
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** The normalized event of a verified delivery: the session is the verification; the reference its `external_id`. */
export function argyleWebhookEvent(provider: string, payload: unknown) {
  if (!isRecord(payload) || typeof payload.event !== "string") {
    throw new WebhookVerificationError(provider, "the body has no `event`");
  }
  const text = (value: unknown): string | null => (typeof value === "string" ? value : null);
  const data = isRecord(payload.data) ? payload.data : undefined;
  const resource = isRecord(data?.resource) ? data.resource : undefined;
  const status = isRecord(resource?.status) ? resource.status : undefined;
  return {
    type: payload.event,
    sessionId: text(data?.verification),
    reference: text(resource?.external_id),
    status: text(status?.state),
    raw: payload as ArgyleWebhookPayload,
  };
}

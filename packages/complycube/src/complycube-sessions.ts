// ComplyCube's truth for the `verifetch` facade: its options (one of two request variants), how the
// unified input becomes a flow-session body, its answer a HostedSession, its webhook a WebhookEvent.
import { InputValidationError, WebhookVerificationError } from "@verifetch/core";
import { defineSessionAdapter, defineWebhookAdapter, type InputSchema, isRecord } from "@verifetch/core/provider";
import {
  type ComplyCube,
  type CreateFlowSessionRequest,
  checkTypeValues,
  complyCubeAdapterDescriptor,
  complyCubeOutcomes,
  type FlowLanguage,
  type FlowSession,
  flowLanguageValues,
  flowThemeValues,
} from "./generated/index.ts";

type WithoutUrls<T> = T extends unknown ? Omit<T, "successUrl" | "cancelUrl" | "language"> : never;
/**
 * ComplyCube-only options of the unified `createSession` (`providerOptions.complycube`): the
 * `clientId` and exactly one of `checkTypes` (check-driven) and `workflowTemplateId` (workflow-driven,
 * the approach ComplyCube recommends), with the other fields of that request. Put your own reference on
 * the client's `externalId` (`createClient`); check webhooks then carry it.
 */
export type ComplyCubeSessionOptions = WithoutUrls<CreateFlowSessionRequest>;

/** A ComplyCube webhook event: `{ id, type, resourceType, payload, createdAt }` (`type` and `payload` attested). */
export interface ComplyCubeWebhookPayload {
  id?: string;
  /** The event type, e.g. `"check.completed"`. */
  type: string;
  resourceType?: string;
  /** The check (or client) the event is about, with the `clientId` and, once complete, its `outcome`. */
  payload?: { clientId?: string; externalId?: string; status?: string; outcome?: string; [key: string]: unknown };
  createdAt?: string;
  [key: string]: unknown;
}

const FIELD = "providerOptions.complycube";
const text = { type: "string", minLength: 1 } as const;
const flag = { type: "boolean" } as const;
const screen = { properties: { heading: { type: "string" }, message: { type: "string" } } } as const;
const OPTIONS: InputSchema = {
  properties: {
    clientId: text,
    checkTypes: { type: "array", minItems: 1, items: { enum: checkTypeValues } },
    workflowTemplateId: text,
    theme: { enum: flowThemeValues },
    supportEmail: text,
    shortUrl: flag,
    enableMonitoring: flag,
    allowDocumentUpload: flag,
    documentTypes: {
      properties: { passport: flag, driving_license: flag, residence_permit: flag, national_identity_card: flag },
    },
    messages: { properties: { intro: screen, completion: screen } },
  },
  required: ["clientId"],
};

/**
 * The facade adapter of a ComplyCube client: `createVerifetch({ providers: { complycube: complyCubeSessions(client) } })`.
 * A flow session has no id: the HostedSession's `id` is the `clientId`, which check webhooks and `listChecks` take.
 */
// Pure: a bundle that never calls the adapter drops it and the validation it carries.
export const complyCubeSessions = /* @__PURE__ */ defineSessionAdapter(complyCubeAdapterDescriptor, {
  languages: flowLanguageValues,
  // ComplyCube requires both URLs; inventing defaults would send users somewhere unintended.
  input: { required: ["redirectUrl", "cancelUrl"] },
  options: OPTIONS,
  check(input, unsent) {
    const options = input.providerOptions?.complycube as Record<string, unknown>;
    // Exactly one variant, as the request type says (ComplyCube documents two pages, no combination).
    if ((options.checkTypes === undefined) === (options.workflowTemplateId === undefined)) {
      throw new InputValidationError(
        `${FIELD}.checkTypes`,
        "or workflowTemplateId is required: exactly one of the two",
      );
    }
    // The workflow-driven request has no language field: the template decides.
    if (
      options.workflowTemplateId !== undefined &&
      input.language !== undefined &&
      !unsent.some((u) => u.field === "language")
    ) {
      unsent.push({ field: "language", reason: "ComplyCube's workflow-driven sessions take no language" });
    }
  },
  create: (complycube: ComplyCube, input, options: ComplyCubeSessionOptions | undefined, call, unsent) =>
    // The options are the request's own fields (same names), checked against the schema above.
    complycube.createFlowSession(
      {
        ...options,
        successUrl: input.redirectUrl,
        cancelUrl: input.cancelUrl,
        // Left out (undefined) when validation reported it unsent.
        language: unsent.some((entry) => entry.field === "language") ? undefined : (input.language as FlowLanguage),
      } as CreateFlowSessionRequest,
      { signal: call.signal },
    ),
  session: (raw: FlowSession, complycube, _input, options: ComplyCubeSessionOptions | undefined) => ({
    id: options?.clientId as string, // No session id is returned; check webhooks and listChecks name the client.
    url: raw.redirectUrl as string,
    status: "created",
    expiresAt: null, // ComplyCube documents no lifetime for the flow URL.
    sandbox: complycube.environment === "sandbox",
  }),
});

/** The adapter `complyCubeSessions(client)` returns. */
export type ComplyCubeSessions = ReturnType<typeof complyCubeSessions>;

/** The webhook adapter of a ComplyCube client (secret: its `webhookSecret` option or `COMPLYCUBE_WEBHOOK_SECRET`). */
export const complyCubeWebhooks = /* @__PURE__ */ defineWebhookAdapter(
  complyCubeAdapterDescriptor,
  complyCubeOutcomes,
  (payload) => {
    const event = payload as ComplyCubeWebhookPayload;
    if (!isRecord(event) || typeof event.type !== "string") {
      throw new WebhookVerificationError("complycube", "the body has no `type`");
    }
    const inner: Record<string, unknown> = isRecord(event.payload) ? event.payload : {};
    const text = (value: unknown) => (typeof value === "string" ? value : null);
    return {
      type: event.type,
      sessionId: text(inner.clientId),
      reference: text(inner.externalId),
      status: text(inner.outcome) ?? text(inner.status),
      raw: event,
    };
  },
);

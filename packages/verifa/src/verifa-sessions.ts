// Verifa's truth for the `verifetch` facade: how the unified input becomes a create-session body,
// how its answer becomes a HostedSession, and how its webhook payload becomes a WebhookEvent.
import { WebhookVerificationError } from "@verifetch/core";
import { defineSessionAdapter, defineWebhookAdapter, type InputSchema } from "@verifetch/core/provider";
import {
  type CreateSessionResponse,
  type SessionEvent,
  type Verifa,
  verifaAdapterDescriptor,
  verifaOutcomes,
} from "./generated/index.ts";

/** Verifa-only options of the unified `createSession` (`providerOptions.verifa`). All optional. */
export interface VerifaSessionOptions {
  /** The workflow to run; the organisation's default otherwise. */
  workflowId?: string | undefined;
  /** Per-session check overrides; the workflow's checks otherwise. */
  checks?: string[] | undefined;
}

/**
 * A Verifa webhook delivery (the spec's `SessionEvent`), in either documented layout: the session
 * under `data` (`{ event, data: { session_id, external_ref, status, … }, created_at }`) or at the top
 * level (`{ event, idempotency_key, session_id, external_ref, status, … }`).
 */
export type VerifaWebhookPayload = SessionEvent;

const text = { type: "string", minLength: 1 } as const;
const OPTIONS: InputSchema = { properties: { workflowId: text, checks: { type: "array", items: text } } };

/**
 * The facade adapter of a Verifa client: `createVerifetch({ providers: { verifa: verifaSessions(verifa) } })`.
 * Built apart from the client, so a program that only calls the API does not bundle it.
 */
// Pure: a bundle that never calls the adapter drops it and the validation it carries.
export const verifaSessions = /* @__PURE__ */ defineSessionAdapter(verifaAdapterDescriptor, {
  // Verifa's create call takes no language, and has no cancel URL nor personal-data fields.
  languages: null,
  input: { reference: true, redirectUrl: true, country: true, metadata: true, idempotencyKey: true },
  options: OPTIONS,
  create: (verifa: Verifa, input, options: VerifaSessionOptions | undefined, call) =>
    verifa.createSession(
      {
        external_ref: input.reference,
        ...(input.redirectUrl !== undefined && { redirect_url: input.redirectUrl }),
        ...(input.country !== undefined && { country: input.country }),
        ...(input.metadata !== undefined && { metadata: input.metadata }),
        ...(options?.workflowId !== undefined && { workflow_id: options.workflowId }),
        ...(options?.checks !== undefined && { checks: options.checks }),
      },
      call,
    ),
  session: (raw: CreateSessionResponse, verifa) => ({
    // createSession refused an answer without id or capture_url (InvalidResponseError).
    id: raw.id as string,
    url: raw.capture_url as string,
    // A new session's documented status and lifetime when the answer omits them.
    status: raw.status ?? "pending",
    expiresAt: raw.expires_at,
    sandbox: raw.is_sandbox ?? verifa.environment === "sandbox",
  }),
});

/** The adapter `verifaSessions(client)` returns. */
export type VerifaSessions = ReturnType<typeof verifaSessions>;

/**
 * The webhook adapter of a Verifa client: `createVerifetch({ …, webhooks: { verifa: verifaWebhooks(verifa) } })`.
 * Its secret is the client's `webhookSecret` option, or `VERIFA_WEBHOOK_SECRET`.
 */
export const verifaWebhooks = /* @__PURE__ */ defineWebhookAdapter(
  verifaAdapterDescriptor,
  verifaOutcomes,
  (payload) => {
    const event = payload as VerifaWebhookPayload;
    if (typeof event?.event !== "string") throw new WebhookVerificationError("verifa", "the body has no `event`");
    // Verifa's Webhooks page nests the session in `data`; its webhook tutorial puts it at the top level.
    const session = event.data ?? event;
    return {
      type: event.event,
      sessionId: session.session_id ?? null,
      reference: session.external_ref ?? null,
      status: session.status ?? null,
      raw: event,
    };
  },
);

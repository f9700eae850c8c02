// Onfido's truth for the `verifetch` facade: how the unified input becomes its
// createWorkflowRun request, how its answer becomes a HostedSession, and how its webhook payload
// becomes a WebhookEvent. Everything else (client, descriptor, webhook scheme, session lifetime) is
// generated from specs/onfido.yaml. Written by `pnpm new-provider`: each `TODO` is a type error
// until it is replaced, so the package does not build before its mapping is written.
import { defineSessionAdapter } from "@verifetch/core/provider";
import { type Onfido, onfidoAdapterDescriptor } from "./generated/index.ts";

/** Onfido-only options of the unified `createSession` (`providerOptions.onfido`). */
export type OnfidoSessionOptions = {};

/** A Onfido webhook delivery, as its docs describe it. */
export interface OnfidoWebhookPayload {
  [key: string]: unknown;
}

/** What `createWorkflowRun` answers. */
type Created = Awaited<ReturnType<Onfido["createWorkflowRun"]>>;

/**
 * The facade adapter of a Onfido client: `createVerifetch({ providers: { "onfido": onfidoSessions(client) } })`.
 */
// Pure: a bundle that never calls the adapter drops it and the validation it carries.
export const onfidoSessions = /* @__PURE__ */ defineSessionAdapter(onfidoAdapterDescriptor, {
  // The languages its hosted flow offers (lowercase ISO 639-1), or null when the request takes none.
  languages: TODO,
  // The shared fields its request carries (the others are reported as unsent), and the ones it requires.
  input: { reference: TODO },
  // Its options, checked with field paths before any request: an InputSchema of OnfidoSessionOptions.
  options: { properties: TODO },
  create: (client: Onfido, input, options: OnfidoSessionOptions | undefined, call) =>
    // The unified input and the options as createWorkflowRun's request.
    client.createWorkflowRun(TODO, call),
  // A created session must carry `id`, `link.url` (the spec's x-verifetch-session.required).
  session: (raw: Created, client) => ({ id: TODO, url: TODO, status: TODO, sandbox: client.environment === "sandbox" }),
  event: (payload) => {
    const event = payload as OnfidoWebhookPayload;
    return { type: TODO, sessionId: TODO, reference: TODO, status: TODO, raw: event };
  },
});

/** The adapter `onfidoSessions(client)` returns. */
export type OnfidoSessions = ReturnType<typeof onfidoSessions>;

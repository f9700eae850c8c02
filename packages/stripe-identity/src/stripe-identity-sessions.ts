// Stripe Identity's truth for the `verifetch` facade: how the unified input becomes its
// createVerificationSession request, how its answer becomes a HostedSession, and how its webhook payload
// becomes a WebhookEvent. Everything else (client, descriptor, webhook scheme, session lifetime) is
// generated from specs/stripe-identity.yaml. Written by `pnpm new-provider`: each `TODO` is a type error
// until it is replaced, so the package does not build before its mapping is written.
import { defineSessionAdapter } from "@verifetch/core/provider";
import { type StripeIdentity, stripeIdentityAdapterDescriptor } from "./generated/index.ts";

/** Stripe Identity-only options of the unified `createSession` (`providerOptions.stripe-identity`). */
export type StripeIdentitySessionOptions = {};

/** A Stripe Identity webhook delivery, as its docs describe it. */
export interface StripeIdentityWebhookPayload {
  [key: string]: unknown;
}

/** What `createVerificationSession` answers. */
type Created = Awaited<ReturnType<StripeIdentity["createVerificationSession"]>>;

/**
 * The facade adapter of a Stripe Identity client: `createVerifetch({ providers: { "stripe-identity": stripeIdentitySessions(client) } })`.
 */
// Pure: a bundle that never calls the adapter drops it and the validation it carries.
export const stripeIdentitySessions = /* @__PURE__ */ defineSessionAdapter(stripeIdentityAdapterDescriptor, {
  // The languages its hosted flow offers (lowercase ISO 639-1), or null when the request takes none.
  languages: TODO,
  // The shared fields its request carries (the others are reported as unsent), and the ones it requires.
  input: { reference: TODO },
  // Its options, checked with field paths before any request: an InputSchema of StripeIdentitySessionOptions.
  options: { properties: TODO },
  create: (client: StripeIdentity, input, options: StripeIdentitySessionOptions | undefined, call) =>
    // The unified input and the options as createVerificationSession's request (pass `call` on: it carries the idempotency key).
    client.createVerificationSession(TODO, call),
  // A created session must carry `id`, `url` (the spec's x-verifetch-session.required).
  session: (raw: Created, client) => ({ id: TODO, url: TODO, status: TODO, sandbox: client.environment === "sandbox" }),
  event: (payload) => {
    const event = payload as StripeIdentityWebhookPayload;
    return { type: TODO, sessionId: TODO, reference: TODO, status: TODO, raw: event };
  },
});

/** The adapter `stripeIdentitySessions(client)` returns. */
export type StripeIdentitySessions = ReturnType<typeof stripeIdentitySessions>;

// Argyle Partners' truth for the `verifetch` facade. The session body, options and webhook mapping
// are shared with Argyle's Verifications API (generated from the spec component both specs use);
// the webhook scheme (hex HMAC-SHA512 of the raw body in `X-Argyle-Signature`, inferred for partner
// webhooks from the Verifications API) comes from the descriptor.
import { defineSessionAdapter, defineWebhookAdapter } from "@verifetch/core/provider";
import {
  ARGYLE_SESSION_OPTIONS,
  type ArgylePartners,
  type ArgyleSessionOptions,
  type ArgyleWebhookPayload,
  argylePartnersAdapterDescriptor,
  argylePartnersOutcomes,
  argyleSessionBody,
  argyleWebhookEvent,
  checkArgyleVerification,
  type PartnerSession,
  partnerSessionCreateConfigurationLanguageValues,
} from "./generated/index.ts";

/** Argyle Partners-only options of the unified `createSession` (`providerOptions["argyle-partners"]`). */
export type ArgylePartnersSessionOptions = ArgyleSessionOptions;
/** An Argyle Partners webhook delivery: `verifications.updated` or `verifications.creation_failed`. */
export type ArgylePartnersWebhookPayload = ArgyleWebhookPayload;

/**
 * The facade adapter of an Argyle Partners client:
 * `createVerifetch({ providers: { "argyle-partners": argylePartnersSessions(client) } })`. Argyle
 * sessions have no id of their own: the HostedSession's `id` is the verification id, which
 * `verifications.updated` webhooks carry.
 */
// Pure: a bundle that never calls the adapter drops it and the validation it carries.
export const argylePartnersSessions = /* @__PURE__ */ defineSessionAdapter(argylePartnersAdapterDescriptor, {
  // Link's display languages (payroll only), which Argyle writes in upper case.
  languages: partnerSessionCreateConfigurationLanguageValues,
  // Argyle has no cancel URL: the user closes Link and returns to `redirect_url`.
  input: { redirectUrl: true },
  options: ARGYLE_SESSION_OPTIONS,
  check: (input) =>
    checkArgyleVerification(input.providerOptions?.["argyle-partners"], "providerOptions.argyle-partners"),
  create: (partners: ArgylePartners, input, options: ArgylePartnersSessionOptions | undefined, call, unsent) =>
    partners.createSession(argyleSessionBody(input, options as ArgylePartnersSessionOptions, unsent), {
      signal: call.signal,
    }),
  session: (raw: PartnerSession, partners, _input, options) => ({
    // Argyle sessions have no id of their own; the verification is what webhooks report on.
    id: (options as ArgylePartnersSessionOptions).verification,
    // createSession refused an answer without `link` or `banking.link` (InvalidResponseError).
    url: (raw.link ?? raw.banking?.link) as string,
    status: "created",
    sandbox: partners.environment === "sandbox",
  }),
});

/** The adapter `argylePartnersSessions(client)` returns. */
export type ArgylePartnersSessions = ReturnType<typeof argylePartnersSessions>;

/** The webhook adapter of a client: `X-Argyle-Signature` checked with its `webhookSecret` (or the env var). */
export const argylePartnersWebhooks = /* @__PURE__ */ defineWebhookAdapter(
  argylePartnersAdapterDescriptor,
  argylePartnersOutcomes,
  (payload) => argyleWebhookEvent("argyle-partners", payload),
);

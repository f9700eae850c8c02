// Argyle's truth for the `verifetch` facade. The session body, options and webhook mapping are
// shared with Argyle Partners (generated from the spec component both specs use); the webhook
// scheme (hex HMAC-SHA512 of the raw body in `X-Argyle-Signature`) comes from the descriptor.
import { defineSessionAdapter, defineWebhookAdapter } from "@verifetch/core/provider";
import {
  ARGYLE_SESSION_OPTIONS,
  type Argyle,
  type ArgyleSessionOptions,
  argyleAdapterDescriptor,
  argyleOutcomes,
  argyleSessionBody,
  argyleWebhookEvent,
  type ClientSession,
  checkArgyleVerification,
  clientSessionCreateConfigurationLanguageValues,
} from "./generated/index.ts";

/**
 * The facade adapter of an Argyle client: `createVerifetch({ providers: { argyle: argyleSessions(argyle) } })`.
 * Argyle sessions have no id of their own: the HostedSession's `id` is the verification id, which
 * `verifications.*` webhooks carry. Webhooks are checked with the subscription's secret
 * (`createArgyle({ webhookSecret })` or `ARGYLE_WEBHOOK_SECRET`).
 */
// Pure: a bundle that never calls the adapter drops it and the validation it carries.
export const argyleSessions = /* @__PURE__ */ defineSessionAdapter(argyleAdapterDescriptor, {
  // Link's display languages (payroll only), which Argyle writes in upper case.
  languages: clientSessionCreateConfigurationLanguageValues,
  // Argyle has no cancel URL: the user closes Link and returns to `redirect_url`.
  input: { redirectUrl: true },
  options: ARGYLE_SESSION_OPTIONS,
  check: (input) => checkArgyleVerification(input.providerOptions?.argyle, "providerOptions.argyle"),
  create: (argyle: Argyle, input, options: ArgyleSessionOptions | undefined, call, unsent) =>
    argyle.createSession(argyleSessionBody(input, options as ArgyleSessionOptions, unsent), { signal: call.signal }),
  session: (raw: ClientSession, argyle, _input, options) => ({
    // Argyle sessions have no id of their own; the verification is what webhooks report on.
    id: (options as ArgyleSessionOptions).verification,
    // createSession refused an answer without a link (InvalidResponseError).
    url: raw.link as string,
    status: "created",
    sandbox: argyle.environment === "sandbox",
  }),
});

/** The adapter `argyleSessions(client)` returns. */
export type ArgyleSessions = ReturnType<typeof argyleSessions>;

/** The webhook adapter of a client: `X-Argyle-Signature` checked with its `webhookSecret` (or the env var). */
export const argyleWebhooks = /* @__PURE__ */ defineWebhookAdapter(argyleAdapterDescriptor, argyleOutcomes, (payload) =>
  argyleWebhookEvent("argyle", payload),
);

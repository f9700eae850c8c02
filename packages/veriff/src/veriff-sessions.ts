// Veriff's truth for the `verifetch` facade: the Veriff-shaped mapping shared with EarthID (its
// white-label), generated from the spec component both specs use; the webhook scheme
// (`X-HMAC-SIGNATURE` over the raw body with the shared secret) comes from the descriptor.
import { defineSessionAdapter, defineWebhookAdapter } from "@verifetch/core/provider";
import {
  type Veriff,
  veriffAdapterDescriptor,
  veriffOutcomes,
  veriffSessionMapping,
  veriffWebhookEvent,
} from "./generated/index.ts";

/** The facade adapter of a Veriff client: `createVerifetch({ providers: { veriff: veriffSessions(veriff) } })`. */
// Pure: a bundle that never calls the adapter drops it and the validation it carries.
export const veriffSessions = /* @__PURE__ */ defineSessionAdapter(
  veriffAdapterDescriptor,
  /* @__PURE__ */ veriffSessionMapping<"veriff", Veriff>("veriff", "Veriff"),
);

/** The adapter `veriffSessions(client)` returns. */
export type VeriffSessions = ReturnType<typeof veriffSessions>;

/**
 * The webhook adapter of a Veriff client (`webhooks: { veriff: veriffWebhooks(veriff) }`): deliveries
 * are checked against `X-HMAC-SIGNATURE` with the integration's shared secret
 * (`createVeriff({ sharedSecret })` or `VERIFF_SHARED_SECRET`).
 */
export const veriffWebhooks = /* @__PURE__ */ defineWebhookAdapter(veriffAdapterDescriptor, veriffOutcomes, (payload) =>
  veriffWebhookEvent("veriff", payload),
);

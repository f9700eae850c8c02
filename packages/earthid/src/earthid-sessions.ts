// EarthID's truth for the `verifetch` facade. EarthID is a white-label of Veriff with the same
// request schema, so its mapping is the shared Veriff-shaped one (generated from the spec
// component both specs use); what is EarthID's own is that its webhooks carry no signature.
import { defineSessionAdapter, defineWebhookAdapter } from "@verifetch/core/provider";
import {
  type EarthId,
  earthIdAdapterDescriptor,
  earthIdOutcomes,
  type VeriffSessionOptions,
  type VeriffWebhookPayload,
  veriffSessionMapping,
  veriffWebhookEvent,
} from "./generated/index.ts";

/** EarthID-only options of the unified `createSession` (`providerOptions.earthid`): Veriff's fields, which EarthID passes through. */
export type EarthIdSessionOptions = VeriffSessionOptions;
/** An EarthID webhook body: Veriff's decision payload (it cannot be verified: no signature is documented). */
export type EarthIdWebhookPayload = VeriffWebhookPayload;

/** The facade adapter of an EarthID client: `createVerifetch({ providers: { earthid: earthIdSessions(earthid) } })`. */
// Pure: a bundle that never calls the adapter drops it and the validation it carries.
export const earthIdSessions = /* @__PURE__ */ defineSessionAdapter(
  earthIdAdapterDescriptor,
  /* @__PURE__ */ veriffSessionMapping<"earthid", EarthId>("earthid", "EarthID"),
);

/** The adapter `earthIdSessions(client)` returns. */
export type EarthIdSessions = ReturnType<typeof earthIdSessions>;

/**
 * The webhook adapter of an EarthID client. Its `verifyWebhook` always rejects with a
 * ConfigurationError: EarthID documents no webhook signature, so a delivery cannot be authenticated
 * (poll `earthid.getDecision(id)` instead).
 */
export const earthIdWebhooks = /* @__PURE__ */ defineWebhookAdapter(
  earthIdAdapterDescriptor,
  earthIdOutcomes,
  (payload) => veriffWebhookEvent("earthid", payload),
);

// EarthID's truth for the `verifetch` facade. EarthID is a white-label of Veriff with the same
// request schema, so its mapping is the shared Veriff-shaped one (generated from the spec
// component both specs use); what is EarthID's own is that its webhooks carry no signature.
import { InputValidationError } from "@verifetch/core";
import { defineSessionAdapter } from "@verifetch/core/provider";
import {
  type EarthId,
  earthIdAdapterDescriptor,
  type SessionResponse,
  VENDOR_DATA_MAX_LENGTH,
  VERIFF_SESSION_INPUT,
  VERIFF_SESSION_OPTIONS,
  type VeriffSessionOptions,
  type VeriffWebhookPayload,
  veriffVerification,
  veriffWebhookEvent,
} from "./generated/index.ts";

/** EarthID-only options of the unified `createSession` (`providerOptions.earthid`): Veriff's fields, which EarthID passes through. */
export type EarthIdSessionOptions = VeriffSessionOptions;
/** An EarthID webhook body: Veriff's decision payload (it cannot be verified: no signature is documented). */
export type EarthIdWebhookPayload = VeriffWebhookPayload;

/**
 * The facade adapter of an EarthID client: `createVerifetch({ providers: { earthid: earthIdSessions(earthid) } })`.
 * Its `verifyWebhook` always rejects with a ConfigurationError: EarthID documents no webhook
 * signature, so a delivery cannot be authenticated (poll `earthid.getDecision(id)` instead).
 */
// Pure: a bundle that never calls the adapter drops it and the validation it carries.
export const earthIdSessions = /* @__PURE__ */ defineSessionAdapter(earthIdAdapterDescriptor, {
  // The create call has no current language field (only a deprecated legacy `lang`).
  languages: null,
  input: VERIFF_SESSION_INPUT,
  options: VERIFF_SESSION_OPTIONS,
  check(input) {
    if (input.reference.length > VENDOR_DATA_MAX_LENGTH) {
      throw new InputValidationError(
        "reference",
        `EarthID's vendorData is at most ${VENDOR_DATA_MAX_LENGTH} characters`,
      );
    }
  },
  create: (earthid: EarthId, input, options: EarthIdSessionOptions | undefined, call) =>
    earthid.createSession({ verification: veriffVerification(input, options) }, { signal: call.signal }),
  session: (raw: SessionResponse) => ({
    // createSession refused an answer without verification.id or verification.url.
    id: raw.verification?.id as string,
    url: raw.verification?.url as string,
    status: raw.verification?.status ?? "created",
    // EarthID documents no sandbox host, key prefix or response marker.
    sandbox: null,
  }),
  event: (payload) => veriffWebhookEvent("earthid", payload),
});

/** The adapter `earthIdSessions(client)` returns. */
export type EarthIdSessions = ReturnType<typeof earthIdSessions>;

// Veriff's truth for the `verifetch` facade. The request mapping is shared with EarthID (Veriff's
// white-label) and generated from the spec component both specs use; the webhook scheme
// (`X-HMAC-SIGNATURE` over the raw body with the shared secret) comes from the descriptor.
import { InputValidationError } from "@verifetch/core";
import { defineSessionAdapter } from "@verifetch/core/provider";
import {
  type SessionResponse,
  VENDOR_DATA_MAX_LENGTH,
  VERIFF_SESSION_INPUT,
  VERIFF_SESSION_OPTIONS,
  type Veriff,
  type VeriffSessionOptions,
  veriffAdapterDescriptor,
  veriffVerification,
  veriffWebhookEvent,
} from "./generated/index.ts";

/**
 * The facade adapter of a Veriff client: `createVerifetch({ providers: { veriff: veriffSessions(veriff) } })`.
 * Webhooks are checked against `X-HMAC-SIGNATURE` with the integration's shared secret
 * (`createVeriff({ sharedSecret })` or `VERIFF_SHARED_SECRET`).
 */
// Pure: a bundle that never calls the adapter drops it and the validation it carries.
export const veriffSessions = /* @__PURE__ */ defineSessionAdapter(veriffAdapterDescriptor, {
  // Veriff's create call has no current language field (only a deprecated legacy `lang`).
  languages: null,
  input: VERIFF_SESSION_INPUT,
  options: VERIFF_SESSION_OPTIONS,
  check(input) {
    if (input.reference.length > VENDOR_DATA_MAX_LENGTH) {
      throw new InputValidationError(
        "reference",
        `Veriff's vendorData is at most ${VENDOR_DATA_MAX_LENGTH} characters`,
      );
    }
  },
  create: (veriff: Veriff, input, options: VeriffSessionOptions | undefined, call) =>
    veriff.createSession({ verification: veriffVerification(input, options) }, { signal: call.signal }),
  session: (raw: SessionResponse) => ({
    // createSession refused an answer without verification.id or verification.url.
    id: raw.verification?.id as string,
    url: raw.verification?.url as string,
    status: raw.verification?.status ?? "created",
    // Veriff's test and live integrations share one host and one key format.
    sandbox: null,
  }),
  event: (payload) => veriffWebhookEvent("veriff", payload),
});

/** The adapter `veriffSessions(client)` returns. */
export type VeriffSessions = ReturnType<typeof veriffSessions>;

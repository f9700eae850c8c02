// Stripe Identity's truth for the `verifetch` facade: how the unified input becomes a
// createVerificationSession request (form-encoded by the generated client), how its answer becomes a
// HostedSession, and how its `identity.verification_session.*` events become WebhookEvents.
// Everything else (client, descriptor, webhook scheme, 48-hour URL lifetime) is generated from
// specs/stripe-identity.yaml.
import { InputValidationError, WebhookVerificationError } from "@verifetch/core";
import { defineSessionAdapter, defineWebhookAdapter, type InputSchema } from "@verifetch/core/provider";
import {
  type StripeIdentity,
  stripeIdentityAdapterDescriptor,
  stripeIdentityOutcomes,
  type VerificationSession,
  type VerificationSessionEvent,
} from "./generated/index.ts";

/** Stripe Identity-only options of the unified `createSession` (`providerOptions["stripe-identity"]`). */
export interface StripeIdentitySessionOptions {
  /** The check to run: `"document"` (the default) or `"id_number"`. */
  type?: "document" | "id_number" | undefined;
  /** A Dashboard verification flow's id, instead of `type`. */
  verificationFlow?: string | undefined;
  /** The document types accepted (document checks). */
  allowedTypes?: ("driving_license" | "id_card" | "passport")[] | undefined;
  /** Also capture a selfie and match it against the document's photo. */
  requireMatchingSelfie?: boolean | undefined;
  /** Also collect an ID number and check it against the document. */
  requireIdNumber?: boolean | undefined;
  /** Refuse uploads: the document must be captured live with the camera. */
  requireLiveCapture?: boolean | undefined;
}

/** A Stripe event about a VerificationSession, as delivered to a webhook endpoint. */
export type StripeIdentityWebhookPayload = VerificationSessionEvent;

const FIELD = "providerOptions.stripe-identity";
const flag = { type: "boolean" } as const;
const OPTIONS: InputSchema = {
  properties: {
    type: { type: "string", enum: ["document", "id_number"] },
    verificationFlow: { type: "string", minLength: 1 },
    allowedTypes: { type: "array", items: { type: "string", enum: ["driving_license", "id_card", "passport"] } },
    requireMatchingSelfie: flag,
    requireIdNumber: flag,
    requireLiveCapture: flag,
  },
};

/**
 * The facade adapter of a Stripe Identity client: `createVerifetch({ providers: { "stripe-identity": stripeIdentitySessions(client) } })`.
 * Built apart from the client, so a program that only calls the API does not bundle it.
 */
// Pure: a bundle that never calls the adapter drops it and the validation it carries.
export const stripeIdentitySessions = /* @__PURE__ */ defineSessionAdapter(stripeIdentityAdapterDescriptor, {
  // Stripe's hosted page picks the user's language itself; it has no cancel URL and no country field.
  languages: null,
  input: { reference: true, redirectUrl: true, metadata: true, idempotencyKey: true, person: ["email", "phone"] },
  options: OPTIONS,
  check: (input) => {
    const options = input.providerOptions?.["stripe-identity"] as StripeIdentitySessionOptions | undefined;
    if (options?.type !== undefined && options.verificationFlow !== undefined) {
      throw new InputValidationError(`${FIELD}.verificationFlow`, "takes the place of `type`: give one of them");
    }
  },
  create: (client: StripeIdentity, input, options: StripeIdentitySessionOptions | undefined, call) => {
    const document = {
      ...(options?.allowedTypes !== undefined && { allowed_types: options.allowedTypes }),
      ...(options?.requireMatchingSelfie !== undefined && { require_matching_selfie: options.requireMatchingSelfie }),
      ...(options?.requireIdNumber !== undefined && { require_id_number: options.requireIdNumber }),
      ...(options?.requireLiveCapture !== undefined && { require_live_capture: options.requireLiveCapture }),
    };
    const provided = {
      ...(input.person?.email !== undefined && { email: input.person.email }),
      ...(input.person?.phone !== undefined && { phone: input.person.phone }),
    };
    return client.createVerificationSession(
      {
        // A Dashboard flow replaces `type`; otherwise a document check unless told otherwise.
        ...(options?.verificationFlow !== undefined
          ? { verification_flow: options.verificationFlow }
          : { type: options?.type ?? "document" }),
        client_reference_id: input.reference,
        ...(input.redirectUrl !== undefined && { return_url: input.redirectUrl }),
        ...(input.metadata !== undefined && { metadata: input.metadata }),
        ...(Object.keys(document).length > 0 && { options: { document } }),
        ...(Object.keys(provided).length > 0 && { provided_details: provided }),
      },
      call,
    );
  },
  session: (raw: VerificationSession, client) => ({
    // createVerificationSession refused an answer without id or url (InvalidResponseError).
    id: raw.id,
    url: raw.url as string,
    status: raw.status,
    sandbox: typeof raw.livemode === "boolean" ? !raw.livemode : client.environment === "sandbox",
  }),
});

/** The adapter `stripeIdentitySessions(client)` returns. */
export type StripeIdentitySessions = ReturnType<typeof stripeIdentitySessions>;

/** The webhook adapter of a Stripe Identity client (`webhooks: { "stripe-identity": stripeIdentityWebhooks(client) }`): scheme and secret from the spec. */
export const stripeIdentityWebhooks = /* @__PURE__ */ defineWebhookAdapter(
  stripeIdentityAdapterDescriptor,
  stripeIdentityOutcomes,
  (payload) => {
    const event = payload as StripeIdentityWebhookPayload;
    if (typeof event?.type !== "string")
      throw new WebhookVerificationError("stripe-identity", "the body has no `type`");
    const session = event.data?.object;
    return {
      type: event.type,
      sessionId: session?.id ?? null,
      reference: session?.client_reference_id ?? null,
      status: session?.status ?? null,
      raw: event,
    };
  },
);

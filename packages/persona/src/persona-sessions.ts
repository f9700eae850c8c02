// Persona's truth for the `verifetch` facade: how the unified input becomes a createInquiry request
// (an inquiry plus its one-time link, in one call), how its answer becomes a HostedSession, and how
// an `inquiry.*` webhook becomes a WebhookEvent. Everything else (client, descriptor, webhook scheme,
// link lifetime) is generated from specs/persona.yaml.
import { WebhookVerificationError } from "@verifetch/core";
import { defineSessionAdapter, defineWebhookAdapter, type InputSchema } from "@verifetch/core/provider";
import {
  type CreateInquiryResponse,
  type InquiryEvent,
  type Persona,
  personaAdapterDescriptor,
  personaOutcomes,
} from "./generated/index.ts";

/** Persona-only options of the unified `createSession` (`providerOptions.persona`). */
export interface PersonaSessionOptions {
  /** The inquiry template (`itmpl_…`) the inquiry follows: which verifications, which branding. */
  inquiryTemplateId: string;
  /** An existing account (`act_…`) to attach the inquiry to. */
  accountId?: string | undefined;
  /** Tag names to attach to the inquiry. */
  tags?: string[] | undefined;
  /** A note for your own use, shown on the inquiry. */
  note?: string | undefined;
}

/** A Persona webhook delivery: an event whose `attributes.payload.data` is the inquiry. */
export type PersonaWebhookPayload = InquiryEvent;

const text = { type: "string", minLength: 1 } as const;
const OPTIONS: InputSchema = {
  properties: { inquiryTemplateId: text, accountId: text, tags: { type: "array", items: text }, note: text },
  required: ["inquiryTemplateId"],
};

/**
 * The facade adapter of a Persona client: `createVerifetch({ providers: { persona: personaSessions(client) } })`.
 * One create call makes the inquiry and its one-time link, so its one idempotency key covers both:
 * a retried create never makes a second inquiry.
 */
// Pure: a bundle that never calls the adapter drops it and the validation it carries.
export const personaSessions = /* @__PURE__ */ defineSessionAdapter(personaAdapterDescriptor, {
  // The create call takes no language, cancel URL, country, metadata or personal data.
  languages: null,
  input: { reference: true, redirectUrl: true, idempotencyKey: true },
  options: OPTIONS,
  create: (persona: Persona, input, options: PersonaSessionOptions | undefined, call) =>
    persona.createInquiry(
      {
        data: {
          attributes: {
            // Required by the options schema, so validation refused a call without it.
            "inquiry-template-id": (options as PersonaSessionOptions).inquiryTemplateId,
            // Deprecated for accounts, but the inquiry's own field: it comes back on the inquiry and its webhooks.
            "reference-id": input.reference,
            ...(input.redirectUrl !== undefined && { "redirect-uri": input.redirectUrl }),
            ...(options?.accountId !== undefined && { "account-id": options.accountId }),
            ...(options?.tags !== undefined && { tags: options.tags }),
            ...(options?.note !== undefined && { note: options.note }),
          },
        },
        meta: { "auto-create-one-time-link": true },
      },
      call,
    ),
  session: (raw: CreateInquiryResponse, persona) => ({
    // createInquiry refused an answer without data.id or meta.one-time-link (InvalidResponseError).
    id: raw.data.id as string,
    url: raw.meta["one-time-link"] as string,
    status: raw.data.attributes?.status ?? "created",
    // The link's lifetime is the template's (24 h by default, the spec's TTL); the answer does not say.
    sandbox: persona.environment === "sandbox",
  }),
});

/** The adapter `personaSessions(client)` returns. */
export type PersonaSessions = ReturnType<typeof personaSessions>;

/** The webhook adapter of a Persona client (`webhooks: { persona: personaWebhooks(client) }`): scheme and secret from the spec. */
export const personaWebhooks = /* @__PURE__ */ defineWebhookAdapter(
  personaAdapterDescriptor,
  personaOutcomes,
  (payload) => {
    const event = payload as PersonaWebhookPayload;
    const name = event?.data?.attributes?.name;
    if (typeof name !== "string")
      throw new WebhookVerificationError("persona", "the body has no `data.attributes.name`");
    const inquiry = event.data?.attributes?.payload?.data;
    return {
      type: name,
      sessionId: inquiry?.id ?? null,
      reference: inquiry?.attributes?.["reference-id"] ?? null,
      status: inquiry?.attributes?.status ?? null,
      raw: event,
    };
  },
);

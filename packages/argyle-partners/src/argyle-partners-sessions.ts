// Argyle Partners' truth for the `verifetch` facade: its options, how the unified input becomes a
// session body, its answer a HostedSession, its webhook a WebhookEvent. The webhook scheme (hex
// HMAC-SHA512 of the raw body in `X-Argyle-Signature`, inferred for partner webhooks from the
// Verifications API) comes from the descriptor.
import { InputValidationError, WebhookVerificationError } from "@verifetch/core";
import { defineSessionAdapter, INPUT_FORMATS, type InputSchema, isRecord } from "@verifetch/core/provider";
import {
  type ArgylePartners,
  argylePartnersAdapterDescriptor,
  type PartnerSession,
  type PartnerSessionCreateConfiguration,
  partnerSessionCreateConfigurationLanguageValues,
} from "./generated/index.ts";

/** Argyle Partners-only options of the unified `createSession` (`providerOptions["argyle-partners"]`). */
export interface ArgylePartnersSessionOptions {
  /** The verification the session connects (uuid): the `id` returned by `createVerification`. */
  verification: string;
  /** Banking only: bank-connection experience customization id (uuid). Sent as `configuration.experience`. */
  experience?: string | undefined;
  /** Payroll only: embedded connection experience customization id. Sent as `configuration.flow_id`. */
  flowId?: string | undefined;
  /** Payroll only: the Items Link offers (one skips search). Sent as `configuration.items`. */
  items?: string[] | undefined;
  /** Payroll only: the session runs in a mobile app. Sent as `configuration.mobile_app`. */
  mobileApp?: boolean | undefined;
  /** Banking only: the link expires after one successful connection. Sent as `configuration.single_use_url`. */
  singleUseUrl?: boolean | undefined;
}

/**
 * An Argyle Partners webhook delivery: `{ event, name, data }`. `verifications.updated` carries the
 * `user`, `client` and `verification` ids, plus the verification itself in `resource` when the
 * subscription asked for it (`config.include_resource`); `verifications.creation_failed` carries
 * `user`, `client` and a `context` describing the failed order.
 */
export interface ArgylePartnersWebhookPayload {
  /** The event: `"verifications.updated"` or `"verifications.creation_failed"`. */
  event: string;
  /** The name given to the subscription. */
  name?: string;
  data?: {
    user?: string;
    /** The partner's client the verification belongs to. */
    client?: string;
    verification?: string;
    resource?: {
      id?: string;
      external_id?: string | null;
      status?: { state?: string; code?: string; [key: string]: unknown };
      [key: string]: unknown;
    };
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

const FIELD = "providerOptions.argyle-partners";
const text = { type: "string", minLength: 1 } as const;
const flag = { type: "boolean" } as const;
const OPTIONS: InputSchema = {
  properties: {
    // Checked in `check` below, with a message that says where the id comes from.
    verification: {},
    experience: { type: "string", format: "uuid" },
    flowId: text,
    items: { type: "array", items: text },
    mobileApp: flag,
    singleUseUrl: flag,
  },
};
const isUuid = INPUT_FORMATS.uuid?.[0] as (value: string) => boolean;
const textOrNull = (value: unknown) => (typeof value === "string" ? value : null);

/**
 * The facade adapter of an Argyle Partners client:
 * `createVerifetch({ providers: { "argyle-partners": argylePartnersSessions(client) } })`. Argyle
 * sessions have no id of their own: the HostedSession's `id` is the verification id, which
 * `verifications.updated` webhooks carry. Built apart from the client, so a program that only
 * calls the API does not bundle it.
 */
export const argylePartnersSessions = defineSessionAdapter(argylePartnersAdapterDescriptor, {
  // Link's display languages (payroll only), which Argyle writes in upper case.
  languages: partnerSessionCreateConfigurationLanguageValues.map((language) => language.toLowerCase()),
  // Argyle has no cancel URL: the user closes Link and returns to `redirect_url`.
  input: { redirectUrl: true },
  options: OPTIONS,
  check(input) {
    const verification = (input.providerOptions?.["argyle-partners"] as Record<string, unknown> | undefined)
      ?.verification;
    if (verification === undefined) {
      throw new InputValidationError(
        `${FIELD}.verification`,
        "is required: the id of a verification created with createVerification",
      );
    }
    if (typeof verification !== "string" || !isUuid(verification)) {
      throw new InputValidationError(
        `${FIELD}.verification`,
        "must be the uuid of a verification created with createVerification",
      );
    }
  },
  create: (argyle: ArgylePartners, input, options: ArgylePartnersSessionOptions | undefined, call, unsent) => {
    const { verification, experience, flowId, items, mobileApp, singleUseUrl } =
      options as ArgylePartnersSessionOptions;
    const configuration: PartnerSessionCreateConfiguration = {
      ...(input.redirectUrl !== undefined && { redirect_url: input.redirectUrl }),
      ...(input.language !== undefined &&
        !unsent.some((entry) => entry.field === "language") && {
          language: input.language.toUpperCase() as NonNullable<PartnerSessionCreateConfiguration["language"]>,
        }),
      ...(experience !== undefined && { experience }),
      ...(flowId !== undefined && { flow_id: flowId }),
      ...(items !== undefined && { items }),
      ...(mobileApp !== undefined && { mobile_app: mobileApp }),
      ...(singleUseUrl !== undefined && { single_use_url: singleUseUrl }),
    };
    return argyle.createSession(
      { verification, ...(Object.keys(configuration).length > 0 && { configuration }) },
      { signal: call.signal },
    );
  },
  session: (raw: PartnerSession, argyle, _input, options) => ({
    // Argyle sessions have no id of their own; the verification is what webhooks report on.
    id: (options as ArgylePartnersSessionOptions).verification,
    // createSession refused an answer without a link or banking.link (InvalidResponseError).
    url: (raw.link ?? raw.banking?.link) as string,
    status: "created",
    sandbox: argyle.environment === "sandbox",
  }),
  event: (payload) => {
    const event = payload as ArgylePartnersWebhookPayload;
    if (!isRecord(event) || typeof event.event !== "string") {
      throw new WebhookVerificationError("argyle-partners", "the body has no `event`");
    }
    const data = isRecord(event.data) ? event.data : undefined;
    const resource = isRecord(data?.resource) ? data.resource : undefined;
    const status = isRecord(resource?.status) ? resource.status : undefined;
    return {
      type: event.event,
      sessionId: textOrNull(data?.verification),
      reference: textOrNull(resource?.external_id),
      status: textOrNull(status?.state),
      raw: event,
    };
  },
});

/** The adapter `argylePartnersSessions(client)` returns. */
export type ArgylePartnersSessions = ReturnType<typeof argylePartnersSessions>;

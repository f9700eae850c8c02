// Argyle's truth for the `verifetch` facade: its options, how the unified input becomes a session
// body, its answer a HostedSession, its webhook a WebhookEvent. The webhook scheme (hex
// HMAC-SHA512 of the raw body in `X-Argyle-Signature`) comes from the descriptor.
import { InputValidationError, WebhookVerificationError } from "@verifetch/core";
import { defineSessionAdapter, INPUT_FORMATS, type InputSchema, isRecord } from "@verifetch/core/provider";
import {
  type Argyle,
  argyleAdapterDescriptor,
  type ClientSession,
  type ClientSessionCreateConfiguration,
  clientSessionCreateConfigurationLanguageValues,
} from "./generated/index.ts";

/** Argyle-only options of the unified `createSession` (`providerOptions.argyle`). */
export interface ArgyleSessionOptions {
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
 * An Argyle webhook delivery: `{ event, name, data }`. Verification events
 * (`verifications.updated`) carry the `user` and `verification` ids, plus the verification itself
 * in `resource` when the subscription asked for it (`config.include_resource`).
 */
export interface ArgyleWebhookPayload {
  /** The event, e.g. `"verifications.updated"`. */
  event: string;
  /** The name given to the subscription. */
  name?: string;
  data?: {
    user?: string;
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

const FIELD = "providerOptions.argyle";
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
 * The facade adapter of an Argyle client: `createVerifetch({ providers: { argyle: argyleSessions(argyle) } })`.
 * Argyle sessions have no id of their own: the HostedSession's `id` is the verification id, which
 * `verifications.*` webhooks carry. Built apart from the client, so a program that only calls the
 * API does not bundle it.
 */
export const argyleSessions = defineSessionAdapter(argyleAdapterDescriptor, {
  // Link's display languages (payroll only), which Argyle writes in upper case.
  languages: clientSessionCreateConfigurationLanguageValues.map((language) => language.toLowerCase()),
  // Argyle has no cancel URL: the user closes Link and returns to `redirect_url`.
  input: { redirectUrl: true },
  options: OPTIONS,
  check(input) {
    const verification = (input.providerOptions?.argyle as Record<string, unknown> | undefined)?.verification;
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
  create: (argyle: Argyle, input, options: ArgyleSessionOptions | undefined, call, unsent) => {
    const { verification, experience, flowId, items, mobileApp, singleUseUrl } = options as ArgyleSessionOptions;
    const configuration: ClientSessionCreateConfiguration = {
      ...(input.redirectUrl !== undefined && { redirect_url: input.redirectUrl }),
      ...(input.language !== undefined &&
        !unsent.some((entry) => entry.field === "language") && {
          language: input.language.toUpperCase() as NonNullable<ClientSessionCreateConfiguration["language"]>,
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
  session: (raw: ClientSession, argyle, _input, options) => ({
    // Argyle sessions have no id of their own; the verification is what webhooks report on.
    id: (options as ArgyleSessionOptions).verification,
    // createSession refused an answer without a link (InvalidResponseError).
    url: raw.link as string,
    status: "created",
    sandbox: argyle.environment === "sandbox",
  }),
  event: (payload) => {
    const event = payload as ArgyleWebhookPayload;
    if (!isRecord(event) || typeof event.event !== "string") {
      throw new WebhookVerificationError("argyle", "the body has no `event`");
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

/** The adapter `argyleSessions(client)` returns. */
export type ArgyleSessions = ReturnType<typeof argyleSessions>;

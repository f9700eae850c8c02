import { type WebhookEvent, type WebhookRequest, WebhookVerificationError } from "@verifetch/core";
import { verifyBodyHmac } from "@verifetch/core/provider";

/** The header Argyle signs its webhook deliveries with. */
export const ARGYLE_SIGNATURE_HEADER = "X-Argyle-Signature";

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

/**
 * Verifies `X-Argyle-Signature` — the hex HMAC-SHA512 of the raw body keyed with the webhook
 * subscription's `secret` — in constant time, then parses the event. The scheme carries no
 * timestamp, so there is no replay window.
 *
 * Source: production third-party code (DSACMS/iv-cbv-payroll) that cites Argyle's webhook guide
 * (docs.argyle.com/api-guide/webhooks); the docs text itself was not retrieved.
 */
export async function verifyArgyleWebhook(
  request: WebhookRequest,
  secret: string,
): Promise<WebhookEvent<"argyle", ArgyleWebhookPayload>> {
  const payload = (await verifyBodyHmac(request, {
    provider: "argyle",
    header: ARGYLE_SIGNATURE_HEADER,
    algorithm: "SHA-512",
    secret,
  })) as ArgyleWebhookPayload;
  if (typeof payload !== "object" || payload === null || typeof payload.event !== "string") {
    throw new WebhookVerificationError("argyle", "the body has no `event`");
  }
  const data = isObject(payload.data) ? payload.data : undefined;
  const resource = isObject(data?.resource) ? data.resource : undefined;
  const status = isObject(resource?.status) ? resource.status : undefined;
  return {
    provider: "argyle",
    type: payload.event,
    sessionId: stringOrNull(data?.verification),
    reference: stringOrNull(resource?.external_id),
    status: stringOrNull(status?.state),
    raw: payload,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

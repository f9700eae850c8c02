import { type WebhookEvent, type WebhookRequest, WebhookVerificationError } from "@verifetch/core";
import { verifyBodyHmac } from "@verifetch/core/provider";

/** The header Argyle signs its webhook deliveries with (for partner webhooks: inferred, see below). */
export const ARGYLE_PARTNERS_SIGNATURE_HEADER = "X-Argyle-Signature";

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

/**
 * Verifies `X-Argyle-Signature` — the hex HMAC-SHA512 of the raw body keyed with the webhook
 * subscription's `secret` — in constant time, then parses the event. The scheme carries no
 * timestamp, so there is no replay window.
 *
 * Source: for the Verifications API, production third-party code (DSACMS/iv-cbv-payroll) that cites
 * Argyle's webhook guide. Argyle does not document partner webhook signatures separately; the same
 * scheme is inferred for them.
 */
export async function verifyArgylePartnersWebhook(
  request: WebhookRequest,
  secret: string,
): Promise<WebhookEvent<"argyle-partners", ArgylePartnersWebhookPayload>> {
  const payload = (await verifyBodyHmac(request, {
    provider: "argyle-partners",
    header: ARGYLE_PARTNERS_SIGNATURE_HEADER,
    algorithm: "SHA-512",
    secret,
  })) as ArgylePartnersWebhookPayload;
  if (typeof payload !== "object" || payload === null || typeof payload.event !== "string") {
    throw new WebhookVerificationError("argyle-partners", "the body has no `event`");
  }
  const data = isObject(payload.data) ? payload.data : undefined;
  const resource = isObject(data?.resource) ? data.resource : undefined;
  const status = isObject(resource?.status) ? resource.status : undefined;
  return {
    provider: "argyle-partners",
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

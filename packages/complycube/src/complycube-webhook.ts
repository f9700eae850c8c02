import { type WebhookEvent, type WebhookRequest, WebhookVerificationError } from "@verifetch/core";
import { verifyBodyHmac } from "@verifetch/core/provider";

/** The header ComplyCube signs its webhook deliveries with. */
export const COMPLYCUBE_SIGNATURE_HEADER = "ComplyCube-Signature";

/**
 * A ComplyCube webhook event: `{ id, type, resourceType, payload, createdAt }`. Only `type` and
 * `payload` are attested (integration code reads them); the other fields are inferred. Check events
 * (`check.completed`, …) carry the check in `payload`, with the `clientId` it ran for and its
 * `outcome` (`clear`, `attention`, …) once complete.
 */
export interface ComplyCubeWebhookPayload {
  id?: string;
  /** The event type, e.g. `"check.completed"`. */
  type: string;
  resourceType?: string;
  payload?: {
    id?: string;
    clientId?: string;
    externalId?: string;
    status?: string;
    outcome?: string;
    [key: string]: unknown;
  };
  createdAt?: string;
  [key: string]: unknown;
}

/**
 * Verifies `ComplyCube-Signature` — the hex HMAC-SHA256 of the raw body keyed with the webhook's
 * secret — in constant time, then parses the event. The scheme carries no timestamp, so there is no
 * replay window: deduplicate on the event `id` if replays matter to you.
 *
 * Source: third-party integration code citing ComplyCube's webhook docs, and integrations of the
 * official Node SDK's `EventVerifier` (the docs text itself was not retrieved).
 */
export async function verifyComplyCubeWebhook(
  request: WebhookRequest,
  secret: string,
): Promise<WebhookEvent<"complycube", ComplyCubeWebhookPayload>> {
  const event = (await verifyBodyHmac(request, {
    provider: "complycube",
    header: COMPLYCUBE_SIGNATURE_HEADER,
    algorithm: "SHA-256",
    secret,
  })) as ComplyCubeWebhookPayload;
  if (typeof event !== "object" || event === null || typeof event.type !== "string") {
    throw new WebhookVerificationError("complycube", "the body has no `type`");
  }
  const payload = typeof event.payload === "object" && event.payload !== null ? event.payload : undefined;
  return {
    provider: "complycube",
    type: event.type,
    sessionId: stringOrNull(payload?.clientId),
    reference: stringOrNull(payload?.externalId),
    status: stringOrNull(payload?.outcome) ?? stringOrNull(payload?.status),
    raw: event,
  };
}

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

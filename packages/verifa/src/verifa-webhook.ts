import {
  hmacHex,
  parseWebhookJson,
  timingSafeEqual,
  utf8,
  type WebhookEvent,
  type WebhookRequest,
  WebhookVerificationError,
  webhookBytes,
  webhookHeader,
  webhookSecret,
} from "@verifetch/core";

/** Deliveries signed longer ago than this are refused (Verifa's documented tolerance). */
export const VERIFA_WEBHOOK_TOLERANCE_SECONDS = 300;

/** A Verifa webhook body: `{ event, data: { session_id, external_ref, status, … }, created_at }`. */
export interface VerifaWebhookPayload {
  event: string;
  data?: {
    session_id?: string;
    external_ref?: string | null;
    status?: string;
    is_sandbox?: boolean;
    created_at?: string;
    [key: string]: unknown;
  };
  created_at?: string;
  [key: string]: unknown;
}

/**
 * Verifies `X-Verifa-Signature: t=<unix>,v1=<hex>` — HMAC-SHA256 of `"{t}.{raw body}"` keyed with the
 * endpoint's `whsec_…` secret — refusing deliveries signed more than 300 s from now (replays), then
 * parses the event. Several `v1` values (during secret rotation) are each tried.
 */
export async function verifyVerifaWebhook(
  request: WebhookRequest,
  secret: string,
  nowMs: number = Date.now(),
): Promise<WebhookEvent<"verifa", VerifaWebhookPayload>> {
  const key = webhookSecret("verifa", secret);
  const body = webhookBytes(request);
  const header = webhookHeader(request.headers, "X-Verifa-Signature");
  if (!header) throw new WebhookVerificationError("verifa", "the X-Verifa-Signature header is missing");
  const parts = header.split(",").map((part) => part.trim().split("=", 2) as [string, string | undefined]);
  const timestamp = parts.find(([key]) => key === "t")?.[1];
  const signatures = parts
    .filter(([key, value]) => key === "v1" && value)
    .map(([, value]) => value?.toLowerCase() ?? "");
  if (!timestamp || !/^\d+$/.test(timestamp) || signatures.length === 0) {
    throw new WebhookVerificationError("verifa", "the X-Verifa-Signature header is not `t=<unix>,v1=<hex>`");
  }
  const ageSeconds = Math.abs(nowMs / 1000 - Number(timestamp));
  if (ageSeconds > VERIFA_WEBHOOK_TOLERANCE_SECONDS) {
    throw new WebhookVerificationError(
      "verifa",
      `the signature timestamp is ${Math.round(ageSeconds)} s from now (more than ${VERIFA_WEBHOOK_TOLERANCE_SECONDS} s): refused as a possible replay`,
    );
  }
  // The signed payload is "{t}." followed by the body's exact bytes.
  const prefix = utf8(`${timestamp}.`);
  const payload = new Uint8Array(prefix.length + body.length);
  payload.set(prefix);
  payload.set(body, prefix.length);
  const expected = await hmacHex("SHA-256", key, payload);
  if (!signatures.some((signature) => timingSafeEqual(signature, expected))) {
    throw new WebhookVerificationError("verifa", "the X-Verifa-Signature signature does not match the body");
  }
  const event = parseWebhookJson("verifa", body) as VerifaWebhookPayload;
  if (typeof event?.event !== "string") throw new WebhookVerificationError("verifa", "the body has no `event`");
  return {
    provider: "verifa",
    type: event.event,
    sessionId: event.data?.session_id ?? null,
    reference: event.data?.external_ref ?? null,
    status: event.data?.status ?? null,
    raw: event,
  };
}

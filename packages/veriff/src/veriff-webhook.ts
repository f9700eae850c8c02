import { type WebhookEvent, type WebhookRequest, WebhookVerificationError } from "@verifetch/core";
import { verifyBodyHmac, webhookBytes, webhookHeader, webhookSecret } from "@verifetch/core/provider";
import type { Decision, DecisionResponse } from "./veriff-client.ts";

/** The signature header of Veriff's webhooks (its docs' name). */
export const VERIFF_WEBHOOK_SIGNATURE_HEADER = "X-HMAC-SIGNATURE";
/** The same signature under the newer `vrf-` name, accepted when the first is absent. */
export const VERIFF_WEBHOOK_SIGNATURE_HEADER_VRF = "vrf-hmac-signature";

/**
 * Veriff's decision webhook body: `{ status, verification: { id, code, status, vendorData, … },
 * technicalData }` — the decision object `getDecision` returns. Parsed, not validated: unknown
 * fields are kept.
 */
export interface VeriffDecisionWebhookPayload {
  status: string;
  verification: Decision;
  technicalData?: DecisionResponse["technicalData"];
  [key: string]: unknown;
}

/**
 * Veriff's (optional) event webhook body, sent as the end user's session goes from "started" to
 * "submitted": `{ id, attemptId, feature, code, action, vendorData, endUserId }`.
 */
export interface VeriffEventWebhookPayload {
  /** The session id. */
  id: string;
  attemptId?: string;
  /** The flow feature the event is about (e.g. `selfid`). */
  feature?: string;
  /** Event code (e.g. 7001 started, 7002 submitted). */
  code?: number;
  /** What happened: `started`, `submitted`, … */
  action?: string;
  vendorData?: string | null;
  endUserId?: string | null;
  [key: string]: unknown;
}

/** A verified Veriff webhook body: a decision, an event, or (another webhook type) any JSON object. */
export type VeriffWebhookPayload = VeriffDecisionWebhookPayload | VeriffEventWebhookPayload | Record<string, unknown>;

/**
 * Verifies a Veriff webhook — `X-HMAC-SIGNATURE` (or `vrf-hmac-signature`) is the lowercase hex
 * HMAC-SHA256 of the raw body keyed with the integration's shared secret — in constant time, then
 * normalizes it:
 * - a decision webhook (`verification` present): type `"decision"`, `sessionId` = `verification.id`,
 *   `reference` = `verification.vendorData`, `status` = `verification.status`;
 * - an event webhook (`action`/`feature` present): type = `action` (else `feature`), `sessionId` = `id`,
 *   `reference` = `vendorData`, `status` null (events carry a code and an action, no status);
 * - any other authentic JSON object (Veriff has further webhook types): type `"unknown"`, nulls, `raw` kept.
 *
 * Veriff's scheme has no timestamp, so there is no replay window: deduplicate on the session id
 * (and decision/attempt) on your side.
 */
export async function verifyVeriffWebhook(
  request: WebhookRequest,
  sharedSecret: string,
): Promise<WebhookEvent<"veriff", VeriffWebhookPayload>> {
  // The secret and the request's shape are checked before the header is looked for.
  webhookSecret("veriff", sharedSecret);
  webhookBytes(request);
  const header = [VERIFF_WEBHOOK_SIGNATURE_HEADER, VERIFF_WEBHOOK_SIGNATURE_HEADER_VRF].find((name) =>
    webhookHeader(request.headers, name)?.trim(),
  );
  if (header === undefined) {
    throw new WebhookVerificationError(
      "veriff",
      `the ${VERIFF_WEBHOOK_SIGNATURE_HEADER} (or ${VERIFF_WEBHOOK_SIGNATURE_HEADER_VRF}) header is missing`,
    );
  }
  const payload = await verifyBodyHmac(request, {
    provider: "veriff",
    header,
    algorithm: "SHA-256",
    secret: sharedSecret,
  });
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    throw new WebhookVerificationError("veriff", "the body is not a JSON object");
  }
  return normalizeVeriffWebhook(payload as Record<string, unknown>);
}

function normalizeVeriffWebhook(body: Record<string, unknown>): WebhookEvent<"veriff", VeriffWebhookPayload> {
  const text = (value: unknown): string | null => (typeof value === "string" ? value : null);
  if (typeof body.action === "string" || typeof body.feature === "string") {
    return {
      provider: "veriff",
      type: text(body.action) ?? (body.feature as string),
      sessionId: text(body.id),
      reference: text(body.vendorData),
      status: null,
      raw: body,
    };
  }
  const verification = body.verification;
  if (typeof verification === "object" && verification !== null) {
    const decision = verification as Record<string, unknown>;
    return {
      provider: "veriff",
      type: "decision",
      sessionId: text(decision.id),
      reference: text(decision.vendorData),
      status: text(decision.status),
      raw: body,
    };
  }
  return { provider: "veriff", type: "unknown", sessionId: null, reference: null, status: null, raw: body };
}

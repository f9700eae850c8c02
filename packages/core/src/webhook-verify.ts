import { type HmacAlgorithm, hmacHex, timingSafeEqual } from "./crypto-hmac.ts";
import { WebhookVerificationError } from "./error-classes.ts";
import { webhookBodyText, webhookHeader } from "./session-input-validate.ts";
import type { WebhookRequest } from "./session-provider.ts";

/** A scheme where one header holds the hex HMAC of the raw body (Argyle, ComplyCube, Veriff). */
export interface BodyHmacScheme {
  provider: string;
  header: string;
  algorithm: HmacAlgorithm;
  secret: string;
}

/**
 * Verifies a "hex HMAC of the raw body" signature in constant time and returns the parsed body.
 * Throws WebhookVerificationError when the header is missing, the signature differs, or the body
 * is not JSON.
 */
export async function verifyBodyHmac(request: WebhookRequest, scheme: BodyHmacScheme): Promise<unknown> {
  const signature = webhookHeader(request.headers, scheme.header)?.trim().toLowerCase();
  if (!signature) throw new WebhookVerificationError(scheme.provider, `the ${scheme.header} header is missing`);
  const body = webhookBodyText(request.rawBody);
  const expected = await hmacHex(scheme.algorithm, scheme.secret, body);
  if (!timingSafeEqual(signature, expected)) {
    throw new WebhookVerificationError(scheme.provider, `the ${scheme.header} signature does not match the body`);
  }
  return parseWebhookJson(scheme.provider, body);
}

/** Parses a verified webhook body, as a typed error when it is not JSON. */
export function parseWebhookJson(provider: string, body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new WebhookVerificationError(provider, "the body is not JSON");
  }
}

import { ConfigurationError } from "@verifetch/core";
import type { Decision, DecisionResponse } from "./earthid-client.ts";

/**
 * EarthID's decision webhook body as its docs show it — Veriff's decision payload:
 * `{ status, verification: { id, code, status, vendorData, person, document, … }, technicalData }`.
 */
export interface EarthIdWebhookPayload {
  status: string;
  verification: Decision;
  technicalData?: DecisionResponse["technicalData"];
  [key: string]: unknown;
}

/**
 * The error every EarthID webhook verification ends with: EarthID's docs describe the decision
 * webhook's body but no signature header or scheme (they never mention Veriff's
 * X-HMAC-SIGNATURE), so a delivery cannot be authenticated, and guessing a scheme would accept
 * forgeries or refuse genuine deliveries.
 */
export function earthIdWebhookUnverifiable(): ConfigurationError {
  return new ConfigurationError(
    "EarthID documents no webhook signature (no signature header or scheme in its docs), so a webhook delivery " +
      "cannot be verified as coming from EarthID. Do not trust the delivery's body: use it at most as a hint, " +
      "and poll earthid.getDecision(sessionId) for the decision instead.",
  );
}

// Whether a verified webhook event may change the outcome you stored: the rules multi-provider
// integrations get wrong (a late event downgrading an approved user, a retried delivery applied
// twice, an event of a session the user already replaced), as one pure function.
import { isTerminalOutcome, type Outcome } from "./session-outcome.ts";
import type { WebhookEvent } from "./session-provider.ts";

/** What you stored about a user's current session. */
export interface StoredOutcome {
  /** The session you are waiting on (events of any other session are of one you replaced). */
  sessionId: string;
  outcome: Outcome;
  /** When the event you last applied happened, if it said. */
  occurredAt?: Date | null | undefined;
  /** Delivery keys already handled (or `has` over your own store). */
  deliveryKeys?: { has(key: string): boolean } | undefined;
}

/** Why an event may or may not change what you stored. */
export type WebhookUpdateDecision =
  | { apply: true; reason: "first" | "newer" }
  | { apply: false; reason: "duplicate" | "other-session" | "terminal" | "older" | "unknown-outcome" };

/**
 * Whether `event` may change `stored` (null: nothing stored yet): never a duplicate delivery, an
 * event of another (replaced) session, a change to a terminal outcome, an event older than the one
 * applied, or an `unknown` outcome. Pure: re-fetch the outcome (`getOutcome`) before acting on one
 * that applies.
 */
export function decideWebhookUpdate(
  stored: StoredOutcome | null | undefined,
  event: Pick<WebhookEvent, "sessionId" | "outcome" | "deliveryKey" | "occurredAt">,
): WebhookUpdateDecision {
  if (stored?.deliveryKeys?.has(event.deliveryKey)) return { apply: false, reason: "duplicate" };
  if (stored && event.sessionId !== null && event.sessionId !== stored.sessionId)
    return { apply: false, reason: "other-session" };
  if (stored && isTerminalOutcome(stored.outcome)) return { apply: false, reason: "terminal" };
  if (event.outcome === "unknown") return { apply: false, reason: "unknown-outcome" };
  if (stored?.occurredAt && event.occurredAt && event.occurredAt < stored.occurredAt)
    return { apply: false, reason: "older" };
  return { apply: true, reason: stored ? "newer" : "first" };
}

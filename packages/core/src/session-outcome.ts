// The one outcome vocabulary every provider's statuses map to, so a handler learns one set of
// values instead of nine. Each provider's mapping is generated from its spec
// (`x-verifetch-outcomes`); a status the mapping does not know becomes `unknown`, never a success.

/** Every outcome, in lifecycle order: the decisions, the waits, then `unknown`. */
export const OUTCOMES = [
  "approved",
  "declined",
  "review",
  "resubmission_requested",
  "pending",
  "expired",
  "abandoned",
  "unknown",
] as const;

/**
 * What a provider's status means for you. `approved` and `declined` are decisions; `review` waits
 * for a human (yours or the provider's); `resubmission_requested` waits for the user to try again;
 * `pending` waits for the user or the provider; `expired` and `abandoned` ended without a decision;
 * `unknown` is a status that alone does not decide (or one no mapping knows): never a success.
 */
export type Outcome = (typeof OUTCOMES)[number];

/** How a provider's statuses map to outcomes (generated from its spec's `x-verifetch-outcomes`). */
export interface OutcomeMapping {
  /** The vendor page(s) that document the statuses. */
  readonly source: string;
  /** Where the status is read, e.g. the webhook's `data.status`. */
  readonly field: string;
  /** Each documented status value and its outcome. */
  readonly statuses: Readonly<Record<string, Outcome>>;
}

/** Whether an outcome is final: `approved`, `declined`, `expired` or `abandoned` never change again. */
export function isTerminalOutcome(outcome: Outcome): boolean {
  return outcome === "approved" || outcome === "declined" || outcome === "expired" || outcome === "abandoned";
}

/** The outcome of a provider status; `unknown` for no status or one the mapping does not name. */
export function outcomeOf(mapping: OutcomeMapping, status: string | null | undefined): Outcome {
  return (status != null && Object.hasOwn(mapping.statuses, status) && mapping.statuses[status]) || "unknown";
}

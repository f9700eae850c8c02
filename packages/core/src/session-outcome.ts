// The one outcome vocabulary every provider's statuses map to, so a handler learns one set of
// values instead of nine. Each provider's mapping is generated from its spec
// (`x-verifetch-outcomes`); a status the mapping does not know becomes `unknown`, never a success.

/** Every outcome, in lifecycle order: the decisions, the waits, then `unknown`. */
export const OUTCOMES = [
  "approved",
  "declined",
  "completed",
  "review",
  "resubmission_requested",
  "pending",
  "expired",
  "abandoned",
  "unknown",
] as const;

/**
 * What a provider's status means for you. `approved` and `declined` are decisions; `completed` is
 * a finished check the provider does not decide on (Argyle's income verification: you judge its
 * report), so it is final but never a success by itself; `review` waits
 * for a human (yours or the provider's); `resubmission_requested` waits for the user to try again;
 * `pending` waits for the user or the provider; `expired` and `abandoned` ended without a decision;
 * `unknown` is a status that alone does not decide (or one no mapping knows): never a success.
 */
export type Outcome = (typeof OUTCOMES)[number];

/** Why a provider decided as it did: its documented code and text (either may be absent). */
export interface OutcomeReason {
  /** The provider's code, e.g. Veriff's `reasonCode` (`"102"`) or Stripe's `last_error.code`. */
  code: string | null;
  /** The provider's text, e.g. `"Suspected document tampering."`. */
  text: string | null;
}

/**
 * JSON pointers (RFC 6901) to a reason's code and text; a `*` segment stands for every item of an
 * array (Argyle's `status.errors[].code`), and a pointer at an array yields one reason per item.
 */
export interface ReasonPointers {
  readonly code?: string;
  readonly text?: string;
}

/** How a session's outcome is read back (`x-verifetch-outcomes.read`). */
export interface OutcomeRead {
  /** The operation that reads it: the session id is its one path parameter, or its `query` parameter. */
  readonly operation: string;
  /** The query parameter that takes the session id, when not a path parameter (ComplyCube's `clientId`). */
  readonly query?: string;
  /**
   * Pointer to the status in the answer (or in each item), or several: the first that finds a string.
   * Absent when the package reads the outcome its own way.
   */
  readonly status?: string | readonly string[];
  /** Pointer to a list in the answer (a client's checks): each item's status counts, the least favourable wins. */
  readonly items?: string;
  /** The outcome when the answer carries no status yet (e.g. Veriff's null decision: `pending`). */
  readonly missing?: Outcome;
  /** Where the reasons are (in each item, for a list: a non-approved item's status is its reason's code). */
  readonly reasons?: readonly ReasonPointers[];
}

/** Where a webhook payload carries its event id, time and reasons (`x-verifetch-outcomes.webhook`). */
export interface OutcomeWebhookFacts {
  /** Pointer to the provider's event id, the delivery key; without one, the body's SHA-256 is. */
  readonly deliveryKey?: string;
  /** Pointer to when the event happened (ISO 8601, or unix seconds). */
  readonly occurredAt?: string;
  readonly reasons?: readonly ReasonPointers[];
}

/** How a provider's statuses map to outcomes (generated from its spec's `x-verifetch-outcomes`). */
export interface OutcomeMapping {
  /** The vendor page(s) that document the statuses. */
  readonly source: string;
  /** Where the status is read, e.g. the webhook's `data.status`. */
  readonly field: string;
  /** Each documented status value and its outcome. */
  readonly statuses: Readonly<Record<string, Outcome>>;
  /** How the outcome is read back; absent when the provider documents no way. */
  readonly read?: OutcomeRead;
  readonly webhook?: OutcomeWebhookFacts;
}

/** Whether an outcome is final: `approved`, `declined`, `completed`, `expired` or `abandoned` never change again. */
export function isTerminalOutcome(outcome: Outcome): boolean {
  return (
    outcome === "approved" ||
    outcome === "declined" ||
    outcome === "completed" ||
    outcome === "expired" ||
    outcome === "abandoned"
  );
}

/** The outcome of a provider status; `unknown` for no status or one the mapping does not name. */
export function outcomeOf(mapping: OutcomeMapping, status: string | null | undefined): Outcome {
  return (status != null && Object.hasOwn(mapping.statuses, status) && mapping.statuses[status]) || "unknown";
}

/** The value at JSON pointer `pointer` (RFC 6901) in `value`; undefined when the path is absent. */
export function valueAt(value: unknown, pointer: string): unknown {
  let at = value;
  for (const token of pointer.split("/").slice(1)) {
    const key = token.replaceAll("~1", "/").replaceAll("~0", "~");
    at =
      at !== null && typeof at === "object" && Object.hasOwn(at, key)
        ? (at as Record<string, unknown>)[key]
        : undefined;
  }
  return at;
}

/** Every value `pointer` finds (`*` segments fan out over arrays; an array found is its items). */
function valuesAt(value: unknown, pointer: string): unknown[] {
  const wildcard = pointer.indexOf("/*");
  const at = valueAt(value, wildcard < 0 ? pointer : pointer.slice(0, wildcard));
  const items = Array.isArray(at) ? at : at == null ? [] : [at];
  return wildcard < 0 ? items : items.flatMap((item) => valuesAt(item, pointer.slice(wildcard + 2)));
}

/** The reasons `pointers` find in `body`: codes and texts paired by position; none when both are absent. */
export function reasonsAt(body: unknown, pointers: readonly ReasonPointers[] = []): OutcomeReason[] {
  const text = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : null);
  const reasons: OutcomeReason[] = [];
  for (const pointer of pointers) {
    const codes = pointer.code ? valuesAt(body, pointer.code) : [];
    const texts = pointer.text ? valuesAt(body, pointer.text) : [];
    for (let index = 0; index < Math.max(codes.length, texts.length); index++) {
      const reason = { code: text(codes[index]), text: text(texts[index]) };
      if (reason.code !== null || reason.text !== null) reasons.push(reason);
    }
  }
  return reasons;
}

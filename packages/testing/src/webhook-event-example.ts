// A provider-shaped webhook body that carries a chosen outcome, from the spec's sample delivery
// (`x-verifetch-outcomes.webhook.example`): sign it with `signWebhook` and a test drives a handler
// through approved, declined or review without a provider account.
import { InputValidationError, type Outcome } from "@verifetch/core";

/** A provider's generated descriptor (e.g. `verifaDescriptor` from `@verifetch/verifa`), as far as this reads it. */
export interface WebhookExampleDescriptor {
  readonly outcomes: { readonly statuses: Readonly<Record<string, Outcome>> };
  /** Where a delivery carries its status (a JSON pointer), and the spec's sample delivery; null when the spec has none. */
  readonly webhookExample: { readonly status: string; readonly body: unknown } | null;
  readonly adapter: { readonly provider: string };
}

/**
 * The spec's sample delivery with its status set to the first documented status that means
 * `outcome` (e.g. Veriff's `declined`, Stripe's `canceled` for `abandoned`), and `overrides` set at
 * their JSON pointers (`{ "/data/session_id": id }`). Throws InputValidationError when no status of
 * the provider means `outcome`, naming the outcomes it has.
 */
export function webhookEventFor(
  descriptor: WebhookExampleDescriptor,
  outcome: Outcome,
  overrides: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  const { provider } = descriptor.adapter;
  const example = descriptor.webhookExample;
  if (!example)
    throw new InputValidationError("descriptor.webhookExample", `the ${provider} spec has no sample delivery`);
  const statuses = Object.entries(descriptor.outcomes.statuses);
  const status = statuses.find(([, means]) => means === outcome)?.[0];
  if (status === undefined) {
    const offered = [...new Set(statuses.map(([, means]) => means))].join(", ");
    throw new InputValidationError("outcome", `no ${provider} status means "${outcome}" (its outcomes: ${offered})`);
  }
  const body = structuredClone(example.body) as Record<string, unknown>;
  for (const [pointer, value] of Object.entries({ [example.status]: status, ...overrides }))
    setAt(body, pointer, value);
  return body;
}

/** Sets `value` at JSON pointer `pointer` in `target`, making the objects on the way. */
function setAt(target: Record<string, unknown>, pointer: string, value: unknown): void {
  const keys = pointer
    .split("/")
    .slice(1)
    .map((token) => token.replaceAll("~1", "/").replaceAll("~0", "~"));
  const last = keys.pop();
  if (last === undefined || !pointer.startsWith("/"))
    throw new InputValidationError("overrides", `${JSON.stringify(pointer)} is not a JSON pointer such as "/data/id"`);
  let at = target;
  for (const key of keys) {
    if (typeof at[key] !== "object" || at[key] === null) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[last] = value;
}

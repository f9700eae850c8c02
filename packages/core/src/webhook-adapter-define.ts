// The webhook half of every provider's facade adapter: a provider states how a verified payload
// becomes a WebhookEvent; the descriptor's scheme and secret do the rest. Kept apart from the session
// half, so a route that only creates sessions bundles none of the signature code.
import { sha256Hex } from "./crypto-hmac.ts";
import type { AdapterDescriptor } from "./session-adapter-define.ts";
import { isTerminalOutcome, type OutcomeMapping, outcomeOf, reasonsAt, valueAt } from "./session-outcome.ts";
import {
  SESSION_PROVIDER_SPECIFICATION_VERSION,
  type WebhookEvent,
  type WebhookProvider,
  type WebhookRequest,
} from "./session-provider.ts";
import { loadSetting } from "./setting-load.ts";
import { transportOf } from "./transport-create.ts";
import { verifyWebhookSignature, webhookBytes } from "./webhook-verify.ts";

/**
 * How a verified delivery's JSON body becomes the unified event (its `outcome` and `terminal` come
 * from the status, through the provider's outcome mapping); throws WebhookVerificationError if it is not one.
 */
export type WebhookEventMapping<TProvider extends string, TEvent> = (
  payload: unknown,
) => Omit<
  WebhookEvent<TProvider, TEvent>,
  "provider" | "outcome" | "terminal" | "reasons" | "deliveryKey" | "occurredAt"
>;

/**
 * Builds a provider's webhook adapter factory (`verifaWebhooks(client)`) from its descriptor, its
 * outcome mapping (generated from the spec; kept out of the descriptor so a create-session bundle
 * carries no status table) and its event mapping. The adapter verifies a delivery with the
 * descriptor's scheme, over the exact bytes received, with the client's secret option (or the
 * environment variable the descriptor names) and the client's clock, maps the payload, and reads
 * the event's outcome from its status (`unknown` for none or an unmapped one), and its reasons,
 * delivery key and time with the mapping's `webhook` pointers.
 */
export function defineWebhookAdapter<TClient extends object, TProvider extends string, TEvent>(
  descriptor: AdapterDescriptor<TProvider>,
  outcomes: OutcomeMapping,
  event: WebhookEventMapping<TProvider, TEvent>,
): (client: TClient) => WebhookProvider<TProvider, TEvent> {
  const { provider, webhook } = descriptor;
  return (client) => {
    const { options, clock } = transportOf(client);
    return {
      specificationVersion: SESSION_PROVIDER_SPECIFICATION_VERSION,
      provider,
      async verifyWebhook(request: WebhookRequest): Promise<WebhookEvent<TProvider, TEvent>> {
        // A scheme of `none` has no secret: verifyWebhookSignature refuses it, saying why.
        const secret =
          webhook.secret &&
          loadSetting({
            value: (options as Record<string, string | undefined>)[webhook.secret.option],
            ...webhook.secret,
          });
        const payload = await verifyWebhookSignature(provider, webhook, request, secret, clock.now());
        const mapped = event(payload);
        const outcome = outcomeOf(outcomes, mapped.status);
        const facts = outcomes.webhook;
        const id = facts?.deliveryKey && valueAt(payload, facts.deliveryKey);
        const at = facts?.occurredAt && valueAt(payload, facts.occurredAt);
        // Unix seconds, or an ISO 8601 string; anything else is no time.
        const occurredAt = typeof at === "number" ? new Date(at * 1000) : typeof at === "string" ? new Date(at) : null;
        return {
          provider,
          ...mapped,
          outcome,
          terminal: isTerminalOutcome(outcome),
          reasons: reasonsAt(payload, facts?.reasons),
          deliveryKey: `${provider}:${
            typeof id === "string" || typeof id === "number" ? id : `sha256:${await sha256Hex(webhookBytes(request))}`
          }`,
          occurredAt: occurredAt && !Number.isNaN(occurredAt.getTime()) ? occurredAt : null,
          raw: mapped.raw,
        };
      },
    };
  };
}

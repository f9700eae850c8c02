// The webhook half of every provider's facade adapter: a provider states how a verified payload
// becomes a WebhookEvent; the descriptor's scheme and secret do the rest. Kept apart from the session
// half, so a route that only creates sessions bundles none of the signature code.
import type { AdapterDescriptor } from "./session-adapter-define.ts";
import { isTerminalOutcome, type OutcomeMapping, outcomeOf } from "./session-outcome.ts";
import {
  SESSION_PROVIDER_SPECIFICATION_VERSION,
  type WebhookEvent,
  type WebhookProvider,
  type WebhookRequest,
} from "./session-provider.ts";
import { loadSetting } from "./setting-load.ts";
import { transportOf } from "./transport-create.ts";
import { verifyWebhookSignature } from "./webhook-verify.ts";

/**
 * How a verified delivery's JSON body becomes the unified event (its `outcome` and `terminal` come
 * from the status, through the provider's outcome mapping); throws WebhookVerificationError if it is not one.
 */
export type WebhookEventMapping<TProvider extends string, TEvent> = (
  payload: unknown,
) => Omit<WebhookEvent<TProvider, TEvent>, "provider" | "outcome" | "terminal">;

/**
 * Builds a provider's webhook adapter factory (`verifaWebhooks(client)`) from its descriptor, its
 * outcome mapping (generated from the spec; kept out of the descriptor so a create-session bundle
 * carries no status table) and its event mapping. The adapter verifies a delivery with the
 * descriptor's scheme, over the exact bytes received, with the client's secret option (or the
 * environment variable the descriptor names) and the client's clock, maps the payload, and reads
 * the event's outcome from its status (`unknown` for none or an unmapped one).
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
        return { provider, ...mapped, outcome, terminal: isTerminalOutcome(outcome) };
      },
    };
  };
}

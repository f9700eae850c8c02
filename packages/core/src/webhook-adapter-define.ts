// The webhook half of every provider's facade adapter: a provider states how a verified payload
// becomes a WebhookEvent; the descriptor's scheme and secret do the rest. Kept apart from the session
// half, so a route that only creates sessions bundles none of the signature code.
import type { AdapterDescriptor } from "./session-adapter-define.ts";
import {
  SESSION_PROVIDER_SPECIFICATION_VERSION,
  type WebhookEvent,
  type WebhookProvider,
  type WebhookRequest,
} from "./session-provider.ts";
import { loadSetting } from "./setting-load.ts";
import { transportOf } from "./transport-create.ts";
import { verifyWebhookSignature } from "./webhook-verify.ts";

/** How a verified delivery's JSON body becomes the unified event; throws WebhookVerificationError if it is not one. */
export type WebhookEventMapping<TProvider extends string, TEvent> = (
  payload: unknown,
) => Omit<WebhookEvent<TProvider, TEvent>, "provider">;

/**
 * Builds a provider's webhook adapter factory (`verifaWebhooks(client)`) from its descriptor and
 * its event mapping. The adapter verifies a delivery with the descriptor's scheme, over the exact
 * bytes received, with the client's secret option (or the environment variable the descriptor
 * names) and the client's clock, then maps the payload.
 */
export function defineWebhookAdapter<TClient extends object, TProvider extends string, TEvent>(
  descriptor: AdapterDescriptor<TProvider>,
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
        return { provider, ...event(payload) };
      },
    };
  };
}

// `node tools/new-provider/src/new-provider-facade-check.ts <name> [<webhook body>]`: one provider of
// the registry, end to end through the facade against a Prism mock of its spec, as a user's program
// would drive it — a session made from the spec's create example and, given a delivery body in the
// provider's shape, that body signed with the provider's scheme and verified
// (`createVerifetch(…).verifyWebhook`). Prints the result as one JSON line. Run by
// new-provider.e2e.test.ts in a copy of the workspace, for the provider it just added.
import { join } from "node:path";
import type { WebhookScheme } from "@verifetch/core/provider";
import type { WebhookProvider } from "@verifetch/core/session";
import { type AnySessionProvider, createVerifetch } from "verifetch";
import { exampleSessionInput, mockClientOptions } from "../../../packages/cli/src/cli-provider-registry.ts";
import { PROVIDERS } from "../../../packages/cli/src/generated/providers.ts";
import { signWebhook, startMock } from "../../../packages/testing/src/index.ts";

const [name = "", body] = process.argv.slice(2);
const entry = PROVIDERS.find((candidate) => candidate.name === name);
if (!entry) throw new Error(`${name} is not in the provider registry (${PROVIDERS.map((p) => p.name).join(", ")})`);
const module = await entry.load();
const mock = await startMock(join(import.meta.dirname, "../../../specs", `${name}.yaml`));
try {
  const secret = "facade-check-webhook-secret";
  const options = mockClientOptions(module.descriptor, mock.baseUrl, "facade_check");
  const webhook = module.descriptor.adapter.webhook;
  if (webhook.secret) options[webhook.secret.option] = secret;
  const client = module.createClient(options);
  const adapter = module.createSessions(client) as AnySessionProvider;
  const webhooks = module.createWebhooks(client) as WebhookProvider;
  const vf = createVerifetch({ providers: { [name]: adapter }, webhooks: { [name]: webhooks } });
  const input = exampleSessionInput(entry, adapter) as Parameters<typeof vf.createSession>[1];
  const session = await vf.createSession(name, input);

  // A delivery signed as the provider signs it, for its own adapter to verify and map.
  let event: unknown = null;
  const scheme = webhook as WebhookScheme;
  if (scheme.scheme !== "none" && body !== undefined) {
    // The body is signed as given (a string), byte for byte.
    const delivery = await signWebhook({ ...module.descriptor.adapter, webhook: scheme }, body, secret);
    event = await vf.verifyWebhook(name, delivery);
  }
  console.log(JSON.stringify({ input, session, event, violations: mock.violations() }));
} finally {
  await mock.stop();
}

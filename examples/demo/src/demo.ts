// `pnpm demo`: the verifetch facade over every provider package (the registry `pnpm codegen` writes
// from specs/, the one the CLI uses). Creates a hosted session per provider with one call shape and
// prints the URL to send a user to, then shows a fallback and a webhook signature check. By default
// every call goes to an embedded Prism mock built from the provider's spec; a provider whose keys are
// set in the environment is called for real instead.
//
// Each provider's `providerOptions` come from its spec: the create operation's documented request
// example, keeping what the provider's adapter knows (cli-provider-registry.ts). Against a real API
// such an example may name objects your account does not have (ComplyCube's client, Argyle's
// verification): give your own as JSON by provider in VERIFETCH_DEMO_OPTIONS, e.g.
// `VERIFETCH_DEMO_OPTIONS='{"complycube":{"clientId":"…","checkTypes":["document_check"]}}'`.
import { fileURLToPath } from "node:url";
import { type FetchLike, VerifetchError } from "@verifetch/core";
import { readEnv, verifyWebhookSignature, type WebhookScheme } from "@verifetch/core/provider";
import { type MockServer, signWebhook, startMock } from "@verifetch/testing";
import { type AnySessionProvider, createVerifetch } from "verifetch";
import {
  exampleSessionInput,
  mockClientOptions,
  providerEnvVars,
} from "../../../packages/cli/src/cli-provider-registry.ts";
import { PROVIDERS, type ProviderModule, type RegistryEntry } from "../../../packages/cli/src/generated/providers.ts";
import { demoOutcome, type LifecycleRow, lifecycleTable, runLifecycle } from "./demo-lifecycle.ts";
import { recordingFetch, type SentRequest } from "./demo-sent-requests.ts";

/** The dummy-key tag of the mocked clients (`vk_sandbox_demo`, …); never printed. */
const DEMO_KEY_TAG = "demo";

interface Demo {
  entry: RegistryEntry;
  module: ProviderModule;
  /** True when the provider's keys are in the environment: its real API is called. */
  live: boolean;
  mock?: MockServer;
}

const specFor = (name: string) => fileURLToPath(new URL(`../../../specs/${name}.yaml`, import.meta.url));
/** The input type of a facade over adapters of any provider. */
type SessionInput = Parameters<
  ReturnType<typeof createVerifetch<Record<string, AnySessionProvider>>>["createSession"]
>[1];

const message = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
const ownOptions = JSON.parse(readEnv("VERIFETCH_DEMO_OPTIONS") ?? "{}") as Record<string, object | undefined>;

/** The provider's facade adapter: for real (keys from the environment) or against its mock. */
function adapterOf(demo: Demo, fetch: FetchLike): AnySessionProvider {
  const options = demo.live
    ? { fetch }
    : { ...mockClientOptions(demo.module.descriptor, demo.mock?.baseUrl ?? "", DEMO_KEY_TAG), fetch };
  return demo.module.createSessions(demo.module.createClient(options)) as AnySessionProvider;
}

/** The spec's example input for the adapter, with the provider options from VERIFETCH_DEMO_OPTIONS when given. */
function inputFor(demo: Demo, adapter: AnySessionProvider): SessionInput {
  const input = exampleSessionInput(demo.entry, adapter);
  const own = ownOptions[demo.entry.name];
  // The facade's input type is per provider; the adapter checks this one at run time.
  return (own === undefined ? input : { ...input, providerOptions: { [demo.entry.name]: own } }) as SessionInput;
}

const demos: Demo[] = await Promise.all(
  PROVIDERS.map(async (entry) => {
    const module = await entry.load();
    const keys = providerEnvVars(entry, module.descriptor).filter((variable) => variable.purpose === "api-key");
    return { entry, module, live: keys.every((variable) => readEnv(variable.name) !== undefined) };
  }),
);

let failed = false;
try {
  await Promise.all(
    demos
      .filter((demo) => !demo.live)
      .map(async (demo) => Object.assign(demo, { mock: await startMock(specFor(demo.entry.name)) })),
  );

  for (const demo of demos) {
    const { name } = demo.entry;
    const sent: SentRequest[] = [];
    try {
      const adapter = adapterOf(demo, recordingFetch(sent));
      const vf = createVerifetch({ providers: { [name]: adapter } });
      const session = await vf.createSession(name, inputFor(demo, adapter));
      const expires = session.expiresAt ? `expires ${session.expiresAt.toISOString()}` : "expiry not documented";
      console.log(`${name.padEnd(16)} ${demo.live ? "live API" : "mock    "}  ${session.url}`);
      console.log(`  id ${session.id}, ${expires}, sandbox ${session.sandbox ?? "unknown"}, status ${session.status}`);
      for (const request of sent) {
        console.log(`  sent ${request.method} ${new URL(request.url).pathname} ${JSON.stringify(request.body)}`);
      }
    } catch (error) {
      failed = true;
      console.error(`${name.padEnd(16)} failed: ${message(error)}`);
    }
  }

  const mocked = demos.filter((demo) => !demo.live);
  const [first, second] = mocked;
  if (first && second) {
    // Fallback: the first provider answers 429 (a fetch that never reaches its mock; retries off to
    // keep the demo quick), so the facade moves on to the second. A 4xx would not move on.
    const rateLimited: FetchLike = async () =>
      new Response(JSON.stringify({ error: "rate limited" }), {
        status: 429,
        headers: { "content-type": "application/json", "retry-after": "0" },
      });
    const failing = { ...first, module: { ...first.module, createClient: withoutRetries(first.module) } };
    const adapters = {
      [first.entry.name]: adapterOf(failing, rateLimited),
      [second.entry.name]: adapterOf(second, fetch),
    };
    const vf = createVerifetch({ providers: adapters });
    const inputs = [first, second].map((demo) => inputFor(demo, adapters[demo.entry.name] as AnySessionProvider));
    const input = Object.assign({}, ...inputs, {
      providerOptions: Object.assign({}, ...inputs.map((each) => each.providerOptions ?? {})),
    }) as SessionInput;
    const session = await vf.createSession([first.entry.name, second.entry.name], input);
    console.log(`${"fallback".padEnd(16)} ${first.entry.name} answered 429 → ${session.provider}  ${session.url}`);
  }

  // Webhook: a delivery signed the way the first provider with a documented signature signs it
  // (@verifetch/testing's signWebhook), checked with its scheme from the spec; the same delivery with
  // one byte changed is refused.
  const signed = demos.find((demo) => demo.module.descriptor.adapter.webhook.scheme !== "none");
  if (signed) {
    const { name } = signed.entry;
    const scheme = signed.module.descriptor.adapter.webhook as WebhookScheme;
    const secret = readEnv(signed.module.descriptor.adapter.webhook.secret?.envVar ?? "") ?? "whsec_demo";
    const event = { event: "session.approved", reference: "user_123" };
    const { headers, rawBody } = await signWebhook(
      { ...signed.module.descriptor.adapter, webhook: scheme },
      event,
      secret,
    );
    const payload = await verifyWebhookSignature(name, scheme, { headers, rawBody }, secret);
    const tampered = await verifyWebhookSignature(
      name,
      scheme,
      { headers, rawBody: rawBody.replace("approved", "declined") },
      secret,
    ).then(
      () => "accepted",
      (error: unknown) => (VerifetchError.isInstance(error) ? error.name : "unexpected error"),
    );
    console.log(
      `${"webhook".padEnd(16)} ${name} (${scheme.scheme}): a signed delivery verifies: ${JSON.stringify(payload)}`,
    );
    console.log(`${"".padEnd(16)} the same delivery with its body changed: ${tampered}`);
  }

  // The whole lifecycle, per mocked provider: create, a signed webhook for a chosen outcome, its
  // verification and de-duplication, the outcome re-fetched, and the final outcome.
  const rows: LifecycleRow[] = [];
  for (const [index, demo] of mocked.entries()) {
    try {
      const { mock } = demo;
      if (!mock) continue;
      const outcome = demoOutcome(demo.module, index, mock.scenarios());
      rows.push(await runLifecycle(demo.entry, demo.module, mock.baseUrl, outcome, (chosen) => mock.scenario(chosen)));
    } catch (error) {
      failed = true;
      console.error(`${"lifecycle".padEnd(16)} ${demo.entry.name} failed: ${message(error)}`);
    }
  }
  console.log(`\nlifecycle (mocks)\n${lifecycleTable(rows)}`);
} finally {
  await Promise.all(demos.map((demo) => demo.mock?.stop()));
}
process.exitCode = failed ? 1 : 0;

/** The module's factory with retries off, so the fallback is immediate. */
function withoutRetries(module: ProviderModule): ProviderModule["createClient"] {
  return (options) => module.createClient({ ...options, maxRetries: 0 });
}

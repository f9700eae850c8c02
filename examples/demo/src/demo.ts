// `pnpm demo`: the verifetch facade over every provider. Creates a hosted session per provider with
// one call shape and prints the URL to send a user to, then shows a fallback and a webhook
// verification. By default every call goes to an embedded Prism mock built from the provider's
// spec; a provider whose keys are set in the environment is called for real instead.
import { createHmac } from "node:crypto";
import { fileURLToPath } from "node:url";
import { type FetchLike, VerifetchError } from "@verifetch/core";
import { readEnv } from "@verifetch/core/provider";
import { type MockServer, startMock } from "@verifetch/testing";
import { type AnySessionProvider, createVerifetch } from "verifetch";
import { prepareArgyle } from "./demo-argyle.ts";
import { prepareArgylePartners } from "./demo-argyle-partners.ts";
import { prepareComplyCube } from "./demo-complycube.ts";
import { prepareEarthId } from "./demo-earthid.ts";
import { recordingFetch, type SentRequest } from "./demo-sent-requests.ts";
import type { DemoTarget } from "./demo-target.ts";
import { DEMO_VERIFA_WEBHOOK_SECRET, prepareVerifa } from "./demo-verifa.ts";
import { prepareVeriff } from "./demo-veriff.ts";

interface ProviderDemo {
  name: string;
  /** Environment variables that switch this provider to its real API. */
  envVars: string[];
  /** Makes the provider's adapter and does what must exist before a session (a client, a verification). */
  prepare: (target: DemoTarget) => Promise<{ adapter: AnySessionProvider; options: object }>;
}

const demos: ProviderDemo[] = [
  { name: "complycube", envVars: ["COMPLYCUBE_API_KEY"], prepare: prepareComplyCube },
  { name: "argyle", envVars: ["ARGYLE_API_KEY_ID", "ARGYLE_API_KEY_SECRET"], prepare: prepareArgyle },
  {
    name: "argyle-partners",
    envVars: ["ARGYLE_API_KEY_ID", "ARGYLE_API_KEY_SECRET", "ARGYLE_PARTNER_CLIENT_ID"],
    prepare: prepareArgylePartners,
  },
  { name: "verifa", envVars: ["VERIFA_API_KEY"], prepare: prepareVerifa },
  { name: "earthid", envVars: ["EARTHID_API_KEY"], prepare: prepareEarthId },
  { name: "veriff", envVars: ["VERIFF_API_KEY"], prepare: prepareVeriff },
];

const specFor = (name: string) => fileURLToPath(new URL(`../../../specs/${name}.yaml`, import.meta.url));
const message = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
const input = {
  reference: "user_123",
  redirectUrl: "https://app.example/verified",
};

const mocks = new Map<string, MockServer>();
let failed = false;
try {
  const live = new Map(demos.map((demo) => [demo.name, demo.envVars.every((name) => readEnv(name) !== undefined)]));
  await Promise.all(
    demos
      .filter((demo) => !live.get(demo.name))
      .map(async (demo) => mocks.set(demo.name, await startMock(specFor(demo.name)))),
  );

  for (const demo of demos) {
    const sent: SentRequest[] = [];
    const target = {
      live: live.get(demo.name) ?? false,
      baseUrl: mocks.get(demo.name)?.baseUrl,
      fetch: recordingFetch(sent),
    };
    try {
      const { adapter, options } = await demo.prepare(target);
      const vf = createVerifetch({ providers: { [demo.name]: adapter } });
      const session = await vf.createSession(demo.name, {
        ...input,
        ...(demo.name === "complycube" && { cancelUrl: "https://app.example/cancelled" }),
        providerOptions: { [demo.name]: options },
      });
      const expires = session.expiresAt ? `expires ${session.expiresAt.toISOString()}` : "expiry not documented";
      console.log(`${demo.name.padEnd(16)} ${target.live ? "live API" : "mock    "}  ${session.url}`);
      console.log(`  id ${session.id}, ${expires}, sandbox ${session.sandbox ?? "unknown"}, status ${session.status}`);
      for (const request of sent) {
        console.log(`  sent ${request.method} ${new URL(request.url).pathname} ${JSON.stringify(request.body)}`);
      }
    } catch (error) {
      failed = true;
      console.error(`${demo.name.padEnd(16)} failed: ${message(error)}`);
    }
  }

  const verifaMock = mocks.get("verifa");
  const earthidMock = mocks.get("earthid");
  if (verifaMock && earthidMock) {
    // Fallback: the Verifa mock is told to answer 429 (retries off to keep the demo quick), so the
    // facade moves on to EarthID. A 4xx would not move on.
    const plainFetch: FetchLike = (request) => fetch(request);
    const vf = createVerifetch({
      providers: {
        verifa: (
          await prepareVerifa(
            { live: false, baseUrl: verifaMock.baseUrl, fetch: plainFetch },
            { headers: { Prefer: "code=429" } },
          )
        ).adapter,
        earthid: (await prepareEarthId({ live: false, baseUrl: earthidMock.baseUrl, fetch: plainFetch })).adapter,
      },
    });
    const session = await vf.createSession(["verifa", "earthid"], input);
    console.log(`${"fallback".padEnd(16)} verifa answered 429 → ${session.provider}  ${session.url}`);

    // Webhook: a delivery signed the way Verifa signs it, verified and normalized by the facade.
    const body = JSON.stringify({
      event: "session.approved",
      data: { session_id: "session_abc123", external_ref: "user_123", status: "completed", is_sandbox: true },
    });
    const t = Math.floor(Date.now() / 1000);
    const signature = createHmac("sha256", DEMO_VERIFA_WEBHOOK_SECRET).update(`${t}.${body}`).digest("hex");
    const event = await vf.verifyWebhook("verifa", {
      headers: { "X-Verifa-Signature": `t=${t},v1=${signature}` },
      rawBody: body,
    });
    console.log(
      `${"webhook".padEnd(16)} verifa ${event.type}: session ${event.sessionId}, reference ${event.reference}, status ${event.status}`,
    );
    const tampered = await vf
      .verifyWebhook("verifa", {
        headers: { "X-Verifa-Signature": `t=${t},v1=${signature}` },
        rawBody: body.replace("completed", "failed"),
      })
      .then(
        () => "accepted",
        (error: unknown) => (VerifetchError.isInstance(error) ? error.name : "unexpected error"),
      );
    console.log(`${"".padEnd(16)} the same delivery with its body changed: ${tampered}`);
  }
} finally {
  await Promise.all([...mocks.values()].map((mock) => mock.stop()));
}
process.exitCode = failed ? 1 : 0;

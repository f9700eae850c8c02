// `pnpm demo`: creates a hosted verification session per provider and prints the URL to send a
// user to and what was sent. By default every call goes to an embedded Prism mock built from the
// provider's spec; a provider whose API key is set in the environment is called for real instead.
import { fileURLToPath } from "node:url";
import { readEnv } from "@verifetch/core";
import { type MockServer, startMock } from "@verifetch/testing";
import { demoComplyCube } from "./demo-complycube.ts";
import type { SentRequest } from "./demo-sent-requests.ts";
import type { DemoTarget } from "./demo-target.ts";

interface ProviderDemo {
  name: string;
  /** Environment variables that switch this provider to its real API. */
  envVars: string[];
  run: (target: DemoTarget) => Promise<{ url: string; sent: SentRequest[] }>;
}

const demos: ProviderDemo[] = [{ name: "complycube", envVars: ["COMPLYCUBE_API_KEY"], run: demoComplyCube }];

const specFor = (name: string) => fileURLToPath(new URL(`../../../specs/${name}.yaml`, import.meta.url));

const mocks: MockServer[] = [];
let failed = false;
try {
  for (const demo of demos) {
    const live = demo.envVars.every((name) => readEnv(name) !== undefined);
    let baseUrl: string | undefined;
    if (!live) {
      const mock = await startMock(specFor(demo.name));
      mocks.push(mock);
      baseUrl = mock.baseUrl;
    }
    try {
      const { url, sent } = await demo.run({ live, baseUrl });
      console.log(`${demo.name.padEnd(16)} ${live ? "live API" : "mock    "}  ${url}`);
      for (const request of sent) {
        console.log(`  sent ${request.method} ${new URL(request.url).pathname} ${JSON.stringify(request.body)}`);
      }
    } catch (error) {
      failed = true;
      console.error(`${demo.name.padEnd(16)} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
} finally {
  await Promise.all(mocks.map((mock) => mock.stop()));
}
process.exitCode = failed ? 1 : 0;

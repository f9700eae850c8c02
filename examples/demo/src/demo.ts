// `pnpm demo`: creates a hosted verification session per provider and prints the URL to send a
// user to and what was sent. By default every call goes to an embedded Prism mock built from the
// provider's spec; a provider whose API key is set in the environment is called for real instead.
import { fileURLToPath } from "node:url";
import { readEnv } from "@verifetch/core";
import { type MockServer, startMock } from "@verifetch/testing";
import { demoArgyle } from "./demo-argyle.ts";
import { demoArgylePartners } from "./demo-argyle-partners.ts";
import { demoComplyCube } from "./demo-complycube.ts";
import { demoEarthId } from "./demo-earthid.ts";
import type { SentRequest } from "./demo-sent-requests.ts";
import type { DemoTarget } from "./demo-target.ts";
import { demoVerifa } from "./demo-verifa.ts";
import { demoVeriff } from "./demo-veriff.ts";

interface ProviderDemo {
  name: string;
  /** Environment variables that switch this provider to its real API. */
  envVars: string[];
  run: (target: DemoTarget) => Promise<{ url: string; sent: SentRequest[] }>;
}

const demos: ProviderDemo[] = [
  { name: "complycube", envVars: ["COMPLYCUBE_API_KEY"], run: demoComplyCube },
  { name: "argyle", envVars: ["ARGYLE_API_KEY_ID", "ARGYLE_API_KEY_SECRET"], run: demoArgyle },
  {
    name: "argyle-partners",
    envVars: ["ARGYLE_API_KEY_ID", "ARGYLE_API_KEY_SECRET", "ARGYLE_PARTNER_CLIENT_ID"],
    run: demoArgylePartners,
  },
  { name: "verifa", envVars: ["VERIFA_API_KEY"], run: demoVerifa },
  { name: "earthid", envVars: ["EARTHID_API_KEY"], run: demoEarthId },
  { name: "veriff", envVars: ["VERIFF_API_KEY"], run: demoVeriff },
];

const specFor = (name: string) => fileURLToPath(new URL(`../../../specs/${name}.yaml`, import.meta.url));

const mocks: MockServer[] = [];
let failed = false;
try {
  const targets = await Promise.all(
    demos.map(async (demo): Promise<DemoTarget> => {
      const live = demo.envVars.every((name) => readEnv(name) !== undefined);
      if (live) return { live, baseUrl: undefined };
      const mock = await startMock(specFor(demo.name));
      mocks.push(mock);
      return { live, baseUrl: mock.baseUrl };
    }),
  );
  for (const [index, demo] of demos.entries()) {
    const { live, baseUrl } = targets[index] ?? { live: false, baseUrl: undefined };
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

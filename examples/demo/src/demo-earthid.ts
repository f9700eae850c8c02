import { readEnv } from "@verifetch/core/provider";
import { createEarthId, earthIdSessions } from "@verifetch/earthid";
import type { DemoTarget } from "./demo-target.ts";

/** EarthID needs nothing first. */
export async function prepareEarthId(target: DemoTarget) {
  const earthid = createEarthId({
    apiKey: target.live ? readEnv("EARTHID_API_KEY") : "demo-earthid-key",
    baseUrl: target.baseUrl,
    fetch: target.fetch,
  });
  return { adapter: earthIdSessions(earthid), options: {} };
}

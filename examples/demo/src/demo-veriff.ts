import { readEnv } from "@verifetch/core/provider";
import { createVeriff, veriffSessions } from "@verifetch/veriff";
import type { DemoTarget } from "./demo-target.ts";

/** Veriff needs nothing first (creating a session needs no HMAC signature). */
export async function prepareVeriff(target: DemoTarget) {
  const veriff = createVeriff({
    apiKey: target.live ? readEnv("VERIFF_API_KEY") : "demo-veriff-key",
    baseUrl: target.baseUrl,
    fetch: target.fetch,
  });
  return { adapter: veriffSessions(veriff), options: {} };
}

import { readEnv } from "@verifetch/core/provider";
import { createVerifa, verifaSessions } from "@verifetch/verifa";
import type { DemoTarget } from "./demo-target.ts";

/** The webhook secret the demo signs its sample delivery with (a real one comes from Verifa). */
export const DEMO_VERIFA_WEBHOOK_SECRET = "whsec_demo";

/** Verifa needs nothing first. */
export async function prepareVerifa(target: DemoTarget, extra: { headers?: Record<string, string> } = {}) {
  const verifa = createVerifa({
    apiKey: target.live ? readEnv("VERIFA_API_KEY") : "vk_sandbox_demo",
    webhookSecret: readEnv("VERIFA_WEBHOOK_SECRET") ?? DEMO_VERIFA_WEBHOOK_SECRET,
    baseUrl: target.baseUrl,
    fetch: target.fetch,
    ...extra,
  });
  return { adapter: verifaSessions(verifa), options: {} };
}

import { readEnv } from "@verifetch/core";
import { createVerifa } from "@verifetch/verifa";
import { recordingFetch, type SentRequest } from "./demo-sent-requests.ts";
import type { DemoTarget } from "./demo-target.ts";

/** One call: Verifa creates the session (idempotently) and returns the capture URL. */
export async function demoVerifa(target: DemoTarget): Promise<{ url: string; sent: SentRequest[] }> {
  const sent: SentRequest[] = [];
  const verifa = createVerifa({
    apiKey: target.live ? readEnv("VERIFA_API_KEY") : "vk_sandbox_demo",
    baseUrl: target.baseUrl,
    fetch: recordingFetch(sent),
  });
  const session = await verifa.createSession({
    external_ref: "user_123",
    country: "GB",
    redirect_url: "https://app.example/verified",
  });
  return { url: session.capture_url, sent };
}

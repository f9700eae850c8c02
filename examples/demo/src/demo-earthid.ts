import { readEnv } from "@verifetch/core";
import { createEarthId } from "@verifetch/earthid";
import { recordingFetch, type SentRequest } from "./demo-sent-requests.ts";
import type { DemoTarget } from "./demo-target.ts";

/** EarthID's documented session request (a Veriff white-label). */
export async function demoEarthId(target: DemoTarget): Promise<{ url: string; sent: SentRequest[] }> {
  const sent: SentRequest[] = [];
  const earthid = createEarthId({
    apiKey: target.live ? readEnv("EARTHID_API_KEY") : "demo-earthid-key",
    baseUrl: target.baseUrl,
    fetch: recordingFetch(sent),
  });
  const created = await earthid.createSession({
    verification: {
      callback: "https://app.example/verified",
      person: { firstName: "Ada", lastName: "Lovelace" },
      vendorData: "user_123",
    },
  });
  return { url: created.verification.url, sent };
}

import { readEnv } from "@verifetch/core";
import { createVeriff } from "@verifetch/veriff";
import { recordingFetch, type SentRequest } from "./demo-sent-requests.ts";
import type { DemoTarget } from "./demo-target.ts";

/** Veriff's create-session call (it needs no HMAC signature; later calls are signed). */
export async function demoVeriff(target: DemoTarget): Promise<{ url: string; sent: SentRequest[] }> {
  const sent: SentRequest[] = [];
  const veriff = createVeriff({
    apiKey: target.live ? readEnv("VERIFF_API_KEY") : "demo-veriff-key",
    baseUrl: target.baseUrl,
    fetch: recordingFetch(sent),
  });
  const created = await veriff.createSession({
    verification: {
      callback: "https://app.example/verified",
      person: { firstName: "Ada", lastName: "Lovelace" },
      vendorData: "user_123",
    },
  });
  return { url: created.verification.url, sent };
}

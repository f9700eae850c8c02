import { createComplyCube } from "@verifetch/complycube";
import { readEnv } from "@verifetch/core";
import { recordingFetch, type SentRequest } from "./demo-sent-requests.ts";
import type { DemoTarget } from "./demo-target.ts";

/** Creates a client and a hosted flow session with ComplyCube, through @verifetch/complycube. */
export async function demoComplyCube(target: DemoTarget): Promise<{ url: string; sent: SentRequest[] }> {
  const sent: SentRequest[] = [];
  const complycube = createComplyCube({
    // Against the mock any well-formed sandbox key works; against the real API the key comes from the env.
    apiKey: target.live ? readEnv("COMPLYCUBE_API_KEY") : "test_demo",
    baseUrl: target.baseUrl,
    fetch: recordingFetch(sent),
  });
  const client = await complycube.createClient({
    type: "person",
    email: "ada.lovelace@example.com",
    personDetails: { firstName: "Ada", lastName: "Lovelace" },
  });
  const session = await complycube.createFlowSession({
    clientId: client.id,
    checkTypes: ["document_check", "identity_check"],
    successUrl: "https://app.example/verified",
    cancelUrl: "https://app.example/cancelled",
    theme: "light",
  });
  return { url: session.redirectUrl, sent };
}

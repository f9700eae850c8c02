import { complyCubeSessions, createComplyCube } from "@verifetch/complycube";
import { readEnv } from "@verifetch/core/provider";
import type { DemoTarget } from "./demo-target.ts";

/** ComplyCube needs a client first; the facade then creates the flow session for it. */
export async function prepareComplyCube(target: DemoTarget) {
  // Against the mock any well-formed sandbox key works; against the real API the key comes from the env.
  const complycube = createComplyCube({
    apiKey: target.live ? readEnv("COMPLYCUBE_API_KEY") : "test_demo",
    baseUrl: target.baseUrl,
    fetch: target.fetch,
  });
  const client = await complycube.createClient({
    type: "person",
    email: "ada.lovelace@example.com",
    personDetails: { firstName: "Ada", lastName: "Lovelace" },
  });
  return {
    adapter: complyCubeSessions(complycube),
    options: { clientId: client.id, checkTypes: ["document_check" as const, "identity_check" as const] },
  };
}

import { createArgyle } from "@verifetch/argyle";
import { recordingFetch, type SentRequest } from "./demo-sent-requests.ts";
import type { DemoTarget } from "./demo-target.ts";

/** Argyle's documented flow: create a user, order a payroll verification, then a session for it. */
export async function demoArgyle(target: DemoTarget): Promise<{ url: string; sent: SentRequest[] }> {
  const sent: SentRequest[] = [];
  // Against the mock any credentials work; live, they come from ARGYLE_API_KEY_ID / _SECRET.
  const credentials = target.live ? {} : { apiKeyId: "demo-id", apiKeySecret: "demo-secret" };
  const argyle = createArgyle({ ...credentials, baseUrl: target.baseUrl, fetch: recordingFetch(sent) });
  const user = await argyle.createUser({ first_name: "Ada", last_name: "Lovelace", email: "ada@example.com" });
  const verification = await argyle.createVerification({ user: user.id ?? "", report: { type: "voie" } });
  const session = await argyle.createSession({
    verification: verification.id ?? "",
    configuration: { redirect_url: "https://app.example/verified" },
  });
  return { url: session.link ?? "(no link returned)", sent };
}

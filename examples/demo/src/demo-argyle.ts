import { argyleSessions, createArgyle } from "@verifetch/argyle";
import type { DemoTarget } from "./demo-target.ts";

/** Argyle's documented flow: a user, then a payroll verification; the facade creates its session. */
export async function prepareArgyle(target: DemoTarget) {
  // Against the mock any credentials work; live, they come from ARGYLE_API_KEY_ID / _SECRET.
  const credentials = target.live ? {} : { apiKeyId: "demo-id", apiKeySecret: "demo-secret" };
  const argyle = createArgyle({ ...credentials, baseUrl: target.baseUrl, fetch: target.fetch });
  const user = await argyle.createUser({ first_name: "Ada", last_name: "Lovelace", email: "ada@example.com" });
  const verification = await argyle.createVerification({ user: user.id ?? "", report: { type: "voie" } });
  return { adapter: argyleSessions(argyle), options: { verification: verification.id ?? "" } };
}

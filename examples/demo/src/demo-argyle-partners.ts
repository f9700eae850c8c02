import { argylePartnersSessions, createArgylePartners } from "@verifetch/argyle-partners";
import { readEnv } from "@verifetch/core/provider";
import type { DemoTarget } from "./demo-target.ts";

/** The partner flow: a user and a verification for one of the partner's clients. */
export async function prepareArgylePartners(target: DemoTarget) {
  const credentials = target.live ? {} : { apiKeyId: "demo-id", apiKeySecret: "demo-secret" };
  const partners = createArgylePartners({ ...credentials, baseUrl: target.baseUrl, fetch: target.fetch });
  // The partner's client id: any uuid against the mock; live, set ARGYLE_PARTNER_CLIENT_ID.
  const client = readEnv("ARGYLE_PARTNER_CLIENT_ID") ?? "0187c66e-e7e5-811c-b006-2232f00f426a";
  const user = await partners.createUser({ client, first_name: "Ada", last_name: "Lovelace" });
  const verification = await partners.createVerification({ client, user: user.id ?? "", report: { type: "voie" } });
  return { adapter: argylePartnersSessions(partners), options: { verification: verification.id ?? "" } };
}

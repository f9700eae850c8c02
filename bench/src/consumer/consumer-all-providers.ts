// A consumer program that uses every provider package and the facade, for the bench's `tsc --noEmit`
// timing (bench/tsconfig.consumer.json). It is type-checked, never run: the figure is what a user's
// editor and CI pay for the packages' types.
import { argyleSessions, createArgyle } from "@verifetch/argyle";
import { argylePartnersSessions, createArgylePartners } from "@verifetch/argyle-partners";
import { complyCubeSessions, createComplyCube } from "@verifetch/complycube";
import { createEarthId, earthIdSessions } from "@verifetch/earthid";
import { createVerifa, verifaSessions } from "@verifetch/verifa";
import { createVeriff, veriffSessions } from "@verifetch/veriff";
import { createVerifetch } from "verifetch";

const complycube = createComplyCube({ apiKey: "test_consumer" });
const argyle = createArgyle({ apiKeyId: "id", apiKeySecret: "secret" });
const argylePartners = createArgylePartners({ apiKeyId: "id", apiKeySecret: "secret" });
const verifa = createVerifa({ apiKey: "vk_sandbox_consumer" });
const earthid = createEarthId({ apiKey: "consumer" });
const veriff = createVeriff({ apiKey: "consumer" });

/** Creates one session with each provider's own method, then each through the facade. */
export async function createEverySession(): Promise<string[]> {
  const urls: string[] = [];
  const flow = await complycube.createFlowSession({
    clientId: "5eb04fcd0f3e360008035eb1",
    checkTypes: ["document_check", "identity_check"],
    successUrl: "https://app.example/verified",
    cancelUrl: "https://app.example/cancelled",
  });
  urls.push(flow.redirectUrl);
  const argyleSession = await argyle.createSession({ verification: "0187c66e-e7e5-811c-b006-2232f00f426a" });
  urls.push(argyleSession.link ?? "");
  const partnersSession = await argylePartners.createSession({ verification: "0187c66e-e7e5-811c-b006-2232f00f426a" });
  urls.push(partnersSession.link ?? "");
  const verifaSession = await verifa.createSession({ redirect_url: "https://app.example/verified" });
  urls.push(verifaSession.capture_url);
  const earthidSession = await earthid.createSession({ verification: { callback: "https://app.example/verified" } });
  urls.push(earthidSession.verification.url);
  const veriffSession = await veriff.createSession({ verification: { callback: "https://app.example/verified" } });
  urls.push(veriffSession.verification.url);

  const vf = createVerifetch({
    providers: {
      complycube: complyCubeSessions(complycube),
      argyle: argyleSessions(argyle),
      "argyle-partners": argylePartnersSessions(argylePartners),
      verifa: verifaSessions(verifa),
      earthid: earthIdSessions(earthid),
      veriff: veriffSessions(veriff),
    },
  });
  const shared = { reference: "user_123", redirectUrl: "https://app.example/verified" };
  const sessions = await Promise.all([
    vf.createSession("complycube", {
      ...shared,
      cancelUrl: "https://app.example/cancelled",
      providerOptions: { complycube: { clientId: "5eb04fcd0f3e360008035eb1", checkTypes: ["document_check"] } },
    }),
    vf.createSession("argyle", {
      ...shared,
      providerOptions: { argyle: { verification: "0187c66e-e7e5-811c-b006-2232f00f426a" } },
    }),
    vf.createSession("argyle-partners", {
      ...shared,
      providerOptions: { "argyle-partners": { verification: "0187c66e-e7e5-811c-b006-2232f00f426a" } },
    }),
    vf.createSession("verifa", { ...shared, country: "GB" }),
    vf.createSession("earthid", shared),
    vf.createSession("veriff", shared),
    vf.createSession(["verifa", "earthid", "veriff"], shared),
  ]);
  return [...urls, ...sessions.map((session) => session.url)];
}

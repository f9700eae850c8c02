// The calls every runtime makes: each provider's main create method, a signed Veriff read (WebCrypto
// HMAC), and one session through the `verifetch` facade, against the Prism mock of each spec. The
// packages are imported by name, so they resolve to their built `dist/` exactly as a user's would.
// This file is runtime-neutral: it uses nothing but the packages and web APIs.
import { createArgyle } from "@verifetch/argyle";
import { createArgylePartners } from "@verifetch/argyle-partners";
import { createComplyCube } from "@verifetch/complycube";
import { createEarthId } from "@verifetch/earthid";
import { createVerifa, verifaSessions } from "@verifetch/verifa";
import { createVeriff } from "@verifetch/veriff";
import { createVerifetch } from "verifetch";

/** Specs whose mocks the calls need (`specs/<name>.yaml`). */
export const RUNTIME_MOCKS = ["complycube", "argyle", "argyle-partners", "verifa", "earthid", "veriff"] as const;

/** Base URL of each needed mock, by spec name. */
export type RuntimeMockUrls = Record<(typeof RUNTIME_MOCKS)[number], string>;

/** What one call brought back from the mock (the hosted URL, or the decision's status), or why it failed. */
export type RuntimeCallOutcome = { ok: true; value: string } | { ok: false; error: string };

const REDIRECT = "https://app.example/verified";
const VENDOR_DATA = "5d3b4f7e-3a0b-4c1e-9d2a-7f1e2c3b4a59";
const VERIFICATION = "018a9bd1-fd71-7a4a-8d0f-2e4e5cfb8d0e";

/** The calls, by the name the test reports them under. Each builds its own client: nothing is shared. */
function calls(mocks: RuntimeMockUrls): Record<string, () => Promise<string>> {
  return {
    "complycube createFlowSession": async () => {
      const complycube = createComplyCube({ apiKey: "test_runtime", baseUrl: mocks.complycube });
      const session = await complycube.createFlowSession({
        clientId: "5eb04fcd0f3e360008035eb1",
        checkTypes: ["document_check", "identity_check"],
        successUrl: REDIRECT,
        cancelUrl: "https://app.example/cancelled",
      });
      return session.redirectUrl;
    },
    "argyle createSession": async () => {
      const argyle = createArgyle({ apiKeyId: "runtime-id", apiKeySecret: "runtime-secret", baseUrl: mocks.argyle });
      const session = await argyle.createSession({
        verification: VERIFICATION,
        configuration: { redirect_url: REDIRECT },
      });
      return session.link ?? "(no link)";
    },
    "argyle-partners createSession": async () => {
      const partners = createArgylePartners({
        apiKeyId: "runtime-id",
        apiKeySecret: "runtime-secret",
        baseUrl: mocks["argyle-partners"],
      });
      const session = await partners.createSession({
        verification: VERIFICATION,
        configuration: { redirect_url: REDIRECT },
      });
      return session.link ?? "(no link)";
    },
    "verifa createSession": async () => {
      const verifa = createVerifa({ apiKey: "vk_sandbox_runtime", baseUrl: mocks.verifa });
      const session = await verifa.createSession({ external_ref: "user_123", country: "GB", redirect_url: REDIRECT });
      return session.capture_url ?? "(no capture_url)";
    },
    "earthid createSession": async () => {
      const earthid = createEarthId({ apiKey: "runtime-earthid-key", baseUrl: mocks.earthid });
      const { verification } = await earthid.createSession({
        verification: { callback: REDIRECT, vendorData: VENDOR_DATA },
      });
      return verification?.url ?? "(no url)";
    },
    "veriff createSession": async () => {
      const veriff = createVeriff({
        apiKey: "runtime-veriff-key",
        sharedSecret: "runtime-secret",
        baseUrl: mocks.veriff,
      });
      const { verification } = await veriff.createSession({
        verification: {
          callback: REDIRECT,
          person: { firstName: "Ada", lastName: "Lovelace" },
          vendorData: VENDOR_DATA,
        },
      });
      return verification?.url ?? "(no url)";
    },
    "veriff getDecision (HMAC-signed)": async () => {
      const veriff = createVeriff({
        apiKey: "runtime-veriff-key",
        sharedSecret: "runtime-secret",
        baseUrl: mocks.veriff,
      });
      const decision = await veriff.getDecision(VENDOR_DATA);
      return decision.verification?.status ?? "(no decision)";
    },
    "verifetch createSession (facade, verifa)": async () => {
      const verifa = createVerifa({ apiKey: "vk_sandbox_runtime", baseUrl: mocks.verifa });
      const vf = createVerifetch({ providers: { verifa: verifaSessions(verifa) } });
      const session = await vf.createSession("verifa", { reference: "user_123", redirectUrl: REDIRECT, country: "GB" });
      return `${session.provider} ${session.url}`;
    },
  };
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause === undefined ? "" : ` (cause: ${describeError(error.cause)})`;
  return `${error.name}: ${error.message}${cause}`;
}

/** Runs every call (at the same time) and reports each one; never throws. */
export async function runRuntimeCalls(mocks: RuntimeMockUrls): Promise<Record<string, RuntimeCallOutcome>> {
  const entries = Object.entries(calls(mocks));
  const outcomes = await Promise.all(
    entries.map(async ([name, call]): Promise<[string, RuntimeCallOutcome]> => {
      try {
        return [name, { ok: true, value: await call() }];
      } catch (error) {
        return [name, { ok: false, error: describeError(error) }];
      }
    }),
  );
  return Object.fromEntries(outcomes);
}

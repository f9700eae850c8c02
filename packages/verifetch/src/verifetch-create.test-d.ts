import type { Outcome, OutcomeReason } from "@verifetch/core";
import type { SessionProvider, WebhookProvider } from "@verifetch/core/session";
import { createStripeIdentity, stripeIdentityResults, type VerificationSession } from "@verifetch/stripe-identity";
import {
  type CreateSessionResponse,
  createVerifa,
  type VerifaSessionRead,
  verifaResults,
  verifaSessions,
  verifaWebhooks,
} from "@verifetch/verifa";
import { createVeriff, type DecisionResponse, veriffResults } from "@verifetch/veriff";
import { describe, expectTypeOf, it } from "vitest";
import { AllProvidersFailedError, createVerifetch, NoSuchProviderError } from "./index.ts";

declare const needsOptions: SessionProvider<
  "strict",
  { clientId: string; theme?: "light" | "dark" },
  { redirectUrl: string },
  never
>;
declare const strictWebhooks: WebhookProvider<"strict", { type: string }>;
// As adapters declare it: `readonly requiredFields = ["redirectUrl", "cancelUrl"] as const`.
declare const needsUrls: SessionProvider<"urls", object, { url: string }, "redirectUrl" | "cancelUrl"> & {
  readonly requiredFields: readonly ["redirectUrl", "cancelUrl"];
};
const verifa = createVerifa({ apiKey: "vk_sandbox_x" });
const vf = createVerifetch({
  providers: { verifa: verifaSessions(verifa), strict: needsOptions, urls: needsUrls },
  webhooks: { verifa: verifaWebhooks(verifa), strict: strictWebhooks },
});

describe("verifetch facade types", () => {
  it("types the result per provider, including the raw response", async () => {
    const session = await vf.createSession("verifa", { reference: "r" });
    expectTypeOf(session.provider).toEqualTypeOf<"verifa">();
    expectTypeOf(session.raw).toEqualTypeOf<CreateSessionResponse>();
    expectTypeOf(session.expiresAt).toEqualTypeOf<Date | null>();
    const strict = await vf.createSession("strict", { reference: "r", providerOptions: { strict: { clientId: "c" } } });
    expectTypeOf(strict.raw).toEqualTypeOf<{ redirectUrl: string }>();
  });

  it("requires providerOptions where the provider needs them, typed per key", () => {
    // @ts-expect-error the strict provider needs providerOptions.strict.clientId
    vf.createSession("strict", { reference: "r" });
    // @ts-expect-error theme is "light" | "dark"
    vf.createSession("strict", { reference: "r", providerOptions: { strict: { clientId: "c", theme: "blue" } } });
    // @ts-expect-error verifa's checks is a list of strings
    vf.createSession("verifa", { reference: "r", providerOptions: { verifa: { checks: "document" } } });
    vf.createSession("verifa", {
      reference: "r",
      providerOptions: { verifa: { workflowId: "w" }, strict: { clientId: "c" } },
    });
  });

  it("refuses unknown providers at compile time", () => {
    // @ts-expect-error "acme" is not a configured provider
    vf.createSession("acme", { reference: "r" });
    // @ts-expect-error "acme" is not a configured provider
    vf.verifyWebhook("acme", { headers: {}, rawBody: "" });
    // @ts-expect-error urls has a session adapter but no webhook adapter
    vf.verifyWebhook("urls", { headers: {}, rawBody: "" });
  });

  it("types a fallback list: options required for every listed provider that needs them; a union result", async () => {
    // @ts-expect-error strict is in the list, so its options are required
    vf.createSession(["verifa", "strict"], { reference: "r" });
    const session = await vf.createSession(["verifa", "strict"], {
      reference: "r",
      providerOptions: { strict: { clientId: "c" } },
    });
    expectTypeOf(session.provider).toEqualTypeOf<"verifa" | "strict">();
  });

  it("requires the shared fields any listed provider requires, and reports unsent fields", async () => {
    // @ts-expect-error urls requires redirectUrl and cancelUrl
    vf.createSession("urls", { reference: "r" });
    // @ts-expect-error urls is in the fallback list, so its cancelUrl is required too
    vf.createSession(["verifa", "urls"], { reference: "r", redirectUrl: "https://a.example" });
    const session = await vf.createSession(["verifa", "urls"], {
      reference: "r",
      redirectUrl: "https://a.example/done",
      cancelUrl: "https://a.example/cancel",
    });
    expectTypeOf(session.unsentFields).toEqualTypeOf<readonly { field: string; reason: string }[]>();
  });

  it("types webhook events and narrows errors", async () => {
    const event = await vf.verifyWebhook("strict", { headers: {}, rawBody: "{}" });
    expectTypeOf(event.raw).toEqualTypeOf<{ type: string }>();
    const error: unknown = new Error("x");
    if (AllProvidersFailedError.isInstance(error))
      expectTypeOf(error.attempts[0]?.provider).toEqualTypeOf<string | undefined>();
    if (NoSuchProviderError.isInstance(error)) expectTypeOf(error.available).toEqualTypeOf<readonly string[]>();
  });
  it("accepts possibly-undefined shared fields, but a required one must be a string", () => {
    const env: Record<string, string | undefined> = {};
    vf.createSession("verifa", {
      reference: "r",
      redirectUrl: env.REDIRECT,
      country: env.COUNTRY,
      language: undefined,
    });
    // @ts-expect-error urls requires a cancelUrl string, not string | undefined
    vf.createSession("urls", { reference: "r", redirectUrl: "https://a.example", cancelUrl: env.CANCEL });
  });
});

describe("result adapter types", () => {
  const veriff = createVeriff({ apiKey: "k", sharedSecret: "s" });
  const stripe = createStripeIdentity({ apiKey: "sk_test_x" });
  const results = createVerifetch({
    providers: {},
    results: {
      veriff: veriffResults(veriff),
      "stripe-identity": stripeIdentityResults(stripe),
      verifa: verifaResults(verifa),
    },
  });

  it("types each provider's raw answer and its outcome", async () => {
    const decision = await results.getOutcome("veriff", "id");
    expectTypeOf(decision.provider).toEqualTypeOf<"veriff">();
    expectTypeOf(decision.raw).toEqualTypeOf<DecisionResponse>();
    expectTypeOf(decision.outcome).toEqualTypeOf<Outcome>();
    expectTypeOf(decision.reasons).toEqualTypeOf<readonly OutcomeReason[]>();
    const session = await results.waitForOutcome("stripe-identity", "vs_1", { deadline: new Date() });
    expectTypeOf(session.raw).toEqualTypeOf<VerificationSession>();
    expectTypeOf(await results.getSession("verifa", "s")).toEqualTypeOf<VerifaSessionRead>();
  });

  it("refuses a provider without a result adapter", () => {
    // @ts-expect-error complycube has no result adapter registered here
    results.getOutcome("complycube", "id");
    // @ts-expect-error verifa's session adapter is not a result adapter
    createVerifetch({ providers: {}, results: { verifa: verifaSessions(verifa) } });
  });
});

// The same createSession call shape for all six providers, through the facade, against each
// provider's Prism mock: results are normalized, and provider errors keep their typed classes.
import { argyleSessions, createArgyle } from "@verifetch/argyle";
import { argylePartnersSessions, createArgylePartners } from "@verifetch/argyle-partners";
import { complyCubeSessions, createComplyCube } from "@verifetch/complycube";
import { InputValidationError, RateLimitError } from "@verifetch/core";
import { createEarthId, earthIdSessions } from "@verifetch/earthid";
import { createVerifa, verifaSessions } from "@verifetch/verifa";
import { createVeriff, veriffSessions } from "@verifetch/veriff";
import { describe, expect, it } from "vitest";
import { mockBaseUrl } from "../../../tools/vitest/mock-urls.ts";
import { createVerifetch } from "./verifetch-create.ts";

const retries = { maxRetries: 0 };
const vf = createVerifetch({
  providers: {
    complycube: complyCubeSessions(
      createComplyCube({ apiKey: "test_facade", baseUrl: mockBaseUrl("complycube"), ...retries }),
    ),
    argyle: argyleSessions(
      createArgyle({ apiKeyId: "id", apiKeySecret: "secret", baseUrl: mockBaseUrl("argyle"), ...retries }),
    ),
    "argyle-partners": argylePartnersSessions(
      createArgylePartners({
        apiKeyId: "id",
        apiKeySecret: "secret",
        baseUrl: mockBaseUrl("argyle-partners"),
        ...retries,
      }),
    ),
    verifa: verifaSessions(createVerifa({ apiKey: "vk_sandbox_facade", baseUrl: mockBaseUrl("verifa"), ...retries })),
    earthid: earthIdSessions(createEarthId({ apiKey: "earthid-key", baseUrl: mockBaseUrl("earthid"), ...retries })),
    veriff: veriffSessions(createVeriff({ apiKey: "veriff-key", baseUrl: mockBaseUrl("veriff"), ...retries })),
  },
});

const shared = {
  reference: "user_123",
  redirectUrl: "https://app.example/verified",
};
const verification = "43a2c6c3-1e63-91e5-88e3-f9ab2dcc489b";
const providerOptions = {
  complycube: { clientId: "5eb04fcd0f3e360008035eb1", checkTypes: ["document_check" as const] },
  argyle: { verification },
  "argyle-partners": { verification },
};

describe("the facade over every provider (Prism mocks)", () => {
  it.each(vf.providers)("%s: one call shape, one normalized result", async (provider) => {
    const cancelUrl = provider === "complycube" ? { cancelUrl: "https://app.example/cancelled" } : {};
    const session = await vf.createSession(provider, { ...shared, ...cancelUrl, providerOptions });
    expect(session.provider).toBe(provider);
    expect(session.id).toEqual(expect.any(String));
    expect(session.id.length).toBeGreaterThan(0);
    expect(new URL(session.url).protocol).toBe("https:");
    expect(session.expiresAt === null || session.expiresAt instanceof Date).toBe(true);
    expect([true, false, null]).toContain(session.sandbox);
    expect(session.status).toEqual(expect.any(String));
    expect(session.raw).toBeTruthy();
  });

  it("knows when each session expires, where the provider documents it", async () => {
    const before = Date.now();
    const argyle = await vf.createSession("argyle", { ...shared, providerOptions });
    expect(argyle.expiresAt?.getTime()).toBeGreaterThanOrEqual(before + 3_600_000 - 1000);
    const verifa = await vf.createSession("verifa", shared);
    expect(verifa.expiresAt?.toISOString()).toBe("2026-02-01T12:20:00.000Z");
    const complycube = await vf.createSession("complycube", {
      ...shared,
      cancelUrl: "https://app.example/c",
      providerOptions,
    });
    expect(complycube.expiresAt).toBeNull();
  });

  it("refuses a missing provider option before any request, naming it", async () => {
    const error = await vf
      .createSession("argyle", { ...shared, providerOptions: {} as typeof providerOptions })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputValidationError);
    expect((error as InputValidationError).field).toMatch(/^providerOptions\.argyle\.verification/);
  });

  it("falls back from a rate-limited provider to the next one", async () => {
    const limited = createVerifetch({
      providers: {
        verifa: verifaSessions(
          createVerifa({
            apiKey: "vk_sandbox_facade",
            baseUrl: mockBaseUrl("verifa"),
            maxRetries: 0,
            headers: { Prefer: "code=429" },
          }),
        ),
        earthid: earthIdSessions(createEarthId({ apiKey: "earthid-key", baseUrl: mockBaseUrl("earthid") })),
      },
    });
    const session = await limited.createSession(["verifa", "earthid"], shared);
    expect(session.provider).toBe("earthid");
    await expect(limited.createSession("verifa", shared)).rejects.toBeInstanceOf(RateLimitError);
  });
});

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
  cancelUrl: "https://app.example/cancelled",
};
const verification = "43a2c6c3-1e63-91e5-88e3-f9ab2dcc489b";
const providerOptions = {
  complycube: { clientId: "5eb04fcd0f3e360008035eb1", checkTypes: ["document_check" as const] },
  argyle: { verification },
  "argyle-partners": { verification },
};

/** Every shared field, each with a value only that field carries, so a request can be searched for it. */
const everything = {
  reference: "user_123",
  redirectUrl: "https://app.example/verified",
  cancelUrl: "https://app.example/cancelled",
  language: "en",
  country: "GB",
  person: {
    firstName: "Ada",
    lastName: "Lovelace",
    email: "ada@example.com",
    phone: "+441234567890",
    dateOfBirth: "1990-12-10",
  },
  metadata: { plan: "premium-plan" },
  providerOptions,
};
const PERSON = ["person.firstName", "person.lastName", "person.email", "person.phone", "person.dateOfBirth"];
/** What each provider has no place for (the rest of `everything` is sent). */
const UNSENT: Record<string, string[]> = {
  complycube: ["reference", "country", "metadata", "idempotencyKey", ...PERSON],
  argyle: ["reference", "cancelUrl", "country", "metadata", "idempotencyKey", ...PERSON],
  "argyle-partners": ["reference", "cancelUrl", "country", "metadata", "idempotencyKey", ...PERSON],
  verifa: ["cancelUrl", "language", ...PERSON],
  earthid: ["cancelUrl", "metadata", "idempotencyKey", "language"],
  veriff: ["cancelUrl", "metadata", "idempotencyKey", "language"],
};
/** The value of each shared field as it would appear in a request. */
const SENT_AS: Record<string, string> = {
  reference: "user_123",
  cancelUrl: "https://app.example/cancelled",
  country: '"GB"',
  metadata: "premium-plan",
  "person.firstName": "Ada",
  "person.email": "ada@example.com",
  "person.phone": "+441234567890",
  "person.dateOfBirth": "1990-12-10",
};

/** A facade whose first provider always answers 503 (so the second must take the same input) and which records what was sent. */
function pairFacade(first: string, second: string) {
  const sent: { provider: string; text: string }[] = [];
  const recording =
    (provider: string, unavailable: boolean) =>
    async (request: Request): Promise<Response> => {
      const text = `${request.method} ${request.url} ${[...request.headers].join(" ")} ${await request.clone().text()}`;
      sent.push({ provider, text });
      return unavailable ? Response.json({}, { status: 503 }) : fetch(request);
    };
  const make = (provider: string) => {
    const options = { baseUrl: mockBaseUrl(provider), maxRetries: 0, fetch: recording(provider, provider === first) };
    switch (provider) {
      case "complycube":
        return complyCubeSessions(createComplyCube({ apiKey: "test_facade", ...options }));
      case "argyle":
        return argyleSessions(createArgyle({ apiKeyId: "id", apiKeySecret: "secret", ...options }));
      case "argyle-partners":
        return argylePartnersSessions(createArgylePartners({ apiKeyId: "id", apiKeySecret: "secret", ...options }));
      case "verifa":
        return verifaSessions(createVerifa({ apiKey: "vk_sandbox_facade", ...options }));
      case "earthid":
        return earthIdSessions(createEarthId({ apiKey: "earthid-key", ...options }));
      default:
        return veriffSessions(createVeriff({ apiKey: "veriff-key", ...options }));
    }
  };
  return { facade: createVerifetch({ providers: { [first]: make(first), [second]: make(second) } }), sent };
}

const pairs = vf.providers.flatMap((first) =>
  vf.providers.filter((second) => second !== first).map((second) => [first, second] as const),
);

describe("one input for a fallback over any two providers", () => {
  it.each(pairs)(
    "%s, then %s: the same input validates for both and the second one's session comes back",
    async (first, second) => {
      const { facade, sent } = pairFacade(first, second);
      const session = await facade.createSession([first, second], {
        ...everything,
        idempotencyKey: `key-${first}-${second}`,
      });
      expect(session.provider).toBe(second);
      expect(session.unsentFields.map((entry) => entry.field).sort()).toEqual([...(UNSENT[second] ?? [])].sort());
      // What a provider was told it has no place for is not in what it was sent.
      for (const provider of [first, second]) {
        const requests = sent.filter((request) => request.provider === provider).map((request) => request.text);
        expect(requests.length, provider).toBeGreaterThan(0);
        for (const field of UNSENT[provider] ?? []) {
          const value = field === "idempotencyKey" ? `key-${first}-${second}` : SENT_AS[field];
          if (value === undefined) continue;
          for (const text of requests) expect(text, `${provider} got ${field}`).not.toContain(value);
        }
      }
    },
  );
});

describe("the facade over every provider (Prism mocks)", () => {
  it.each(vf.providers)("%s: one call shape, one normalized result", async (provider) => {
    const session = await vf.createSession(provider, { ...shared, providerOptions });
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
    const complycube = await vf.createSession("complycube", { ...shared, providerOptions });
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

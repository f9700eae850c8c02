// Webhook verification under hostile or careless input, for every provider that signs its webhooks,
// called directly and through the facade: a secret that is not a non-blank string is a
// ConfigurationError before any verification (never a key made by string coercion), the HMAC covers
// the exact bytes received, and plain-JavaScript misuse is a typed error.
import { createHmac } from "node:crypto";
import { argyleWebhooks, createArgyle, verifyArgyleWebhook } from "@verifetch/argyle";
import { argylePartnersWebhooks, createArgylePartners, verifyArgylePartnersWebhook } from "@verifetch/argyle-partners";
import { complyCubeWebhooks, createComplyCube, verifyComplyCubeWebhook } from "@verifetch/complycube";
import {
  ConfigurationError,
  InputValidationError,
  VerifetchError,
  type WebhookRequest,
  WebhookVerificationError,
} from "@verifetch/core";
import type { WebhookProvider } from "@verifetch/core/session";
import { createVerifa, verifaWebhooks, verifyVerifaWebhook } from "@verifetch/verifa";
import { createVeriff, veriffWebhooks, verifyVeriffWebhook } from "@verifetch/veriff";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createVerifetch } from "./verifetch-create.ts";

const NOW = 1_767_225_600_000; // 2026-01-01T00:00:00Z

/** One provider's webhook scheme: how a delivery is signed, and how it is verified. */
interface Scheme {
  provider: string;
  sign(secret: string, body: Uint8Array): Record<string, string>;
  verify(request: WebhookRequest, secret: unknown): Promise<unknown>;
  adapter(secret: unknown): WebhookProvider;
  envVar: string;
}

const hex = (algorithm: string, secret: string, ...parts: Uint8Array[]) => {
  const hmac = createHmac(algorithm, secret);
  for (const part of parts) hmac.update(part);
  return hmac.digest("hex");
};
const clock = { now: () => NOW };
/** The generated standalone function (it returns the parsed body), tagged with its provider. */
const direct =
  (provider: string, verify: (request: WebhookRequest, secret?: string, nowMs?: number) => Promise<unknown>) =>
  async (request: WebhookRequest, secret: unknown) => ({
    provider,
    payload: await verify(request, secret as string, NOW),
  });

const schemes: Scheme[] = [
  {
    provider: "complycube",
    sign: (secret, body) => ({ "ComplyCube-Signature": hex("sha256", secret, body) }),
    verify: direct("complycube", verifyComplyCubeWebhook),
    adapter: (secret) => complyCubeWebhooks(createComplyCube({ webhookSecret: secret as string })),
    envVar: "COMPLYCUBE_WEBHOOK_SECRET",
  },
  {
    provider: "argyle",
    sign: (secret, body) => ({ "X-Argyle-Signature": hex("sha512", secret, body) }),
    verify: direct("argyle", verifyArgyleWebhook),
    adapter: (secret) => argyleWebhooks(createArgyle({ webhookSecret: secret as string })),
    envVar: "ARGYLE_WEBHOOK_SECRET",
  },
  {
    provider: "argyle-partners",
    sign: (secret, body) => ({ "X-Argyle-Signature": hex("sha512", secret, body) }),
    verify: direct("argyle-partners", verifyArgylePartnersWebhook),
    adapter: (secret) => argylePartnersWebhooks(createArgylePartners({ webhookSecret: secret as string })),
    envVar: "ARGYLE_WEBHOOK_SECRET",
  },
  {
    provider: "verifa",
    sign: (secret, body) => {
      const t = String(NOW / 1000);
      return { "X-Verifa-Signature": `t=${t},v1=${hex("sha256", secret, new TextEncoder().encode(`${t}.`), body)}` };
    },
    verify: direct("verifa", verifyVerifaWebhook),
    adapter: (secret) => verifaWebhooks(createVerifa({ webhookSecret: secret as string, clock })),
    envVar: "VERIFA_WEBHOOK_SECRET",
  },
  {
    provider: "veriff",
    sign: (secret, body) => ({ "X-HMAC-SIGNATURE": hex("sha256", secret, body) }),
    verify: direct("veriff", verifyVeriffWebhook),
    adapter: (secret) => veriffWebhooks(createVeriff({ sharedSecret: secret as string })),
    envVar: "VERIFF_SHARED_SECRET",
  },
];

// A body every provider's parser accepts: an object with `type`, `event` and a `verification`.
const BODY = '{"type":"check.completed","event":"session.approved","verification":{"id":"v_1","status":"approved"}}';
const bytes = (text: string) => new TextEncoder().encode(text);
const signed = (scheme: Scheme, secret: string, body: Uint8Array | string = BODY): WebhookRequest => ({
  headers: scheme.sign(secret, typeof body === "string" ? bytes(body) : body),
  rawBody: body,
});

// Values a plain-JavaScript caller (or a mis-read config) can pass; each coerces to a usable string key.
const NOT_A_SECRET: unknown[] = [null, 123, 0, true, {}, ["s"], "", "   ", "\t\n"];

beforeEach(() => {
  for (const scheme of schemes) vi.stubEnv(scheme.envVar, "");
});
afterEach(() => vi.unstubAllEnvs());

describe.each(schemes)("$provider webhooks: the secret", (scheme) => {
  it.each(NOT_A_SECRET.map((secret) => [secret]))(
    "verify function: %j is a ConfigurationError before any verification",
    async (secret) => {
      // Signed with the key the secret would coerce to: it must still never verify.
      const error = await scheme.verify(signed(scheme, String(secret)), secret).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigurationError);
      // Before any verification: also when the delivery has no signature at all.
      await expect(scheme.verify({ headers: {}, rawBody: BODY }, secret)).rejects.toBeInstanceOf(ConfigurationError);
    },
  );

  it("verify function: undefined is a ConfigurationError, not a DOMException", async () => {
    await expect(scheme.verify(signed(scheme, "undefined"), undefined)).rejects.toBeInstanceOf(ConfigurationError);
  });

  it.each(NOT_A_SECRET.map((secret) => [secret]))(
    "through the facade: the option %j is a ConfigurationError naming the option",
    async (secret) => {
      const vf = createVerifetch({ providers: {}, webhooks: { [scheme.provider]: scheme.adapter(secret) } });
      const error = await vf.verifyWebhook(scheme.provider, signed(scheme, String(secret))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).option).toMatch(/^(webhookSecret|sharedSecret)$/);
    },
  );

  it("through the facade: a whitespace-only secret from the environment is missing, not a key", async () => {
    vi.stubEnv(scheme.envVar, "   ");
    const vf = createVerifetch({ providers: {}, webhooks: { [scheme.provider]: scheme.adapter(undefined) } });
    await expect(vf.verifyWebhook(scheme.provider, signed(scheme, "   "))).rejects.toBeInstanceOf(ConfigurationError);
  });

  it("a proper secret still verifies, directly and through the facade", async () => {
    expect(await scheme.verify(signed(scheme, "whsec_proper"), "whsec_proper")).toMatchObject({
      provider: scheme.provider,
    });
    const vf = createVerifetch({ providers: {}, webhooks: { [scheme.provider]: scheme.adapter("whsec_proper") } });
    expect(await vf.verifyWebhook(scheme.provider, signed(scheme, "whsec_proper"))).toMatchObject({
      provider: scheme.provider,
    });
  });
});

describe.each(schemes)("$provider webhooks: the signature covers the exact bytes received", (scheme) => {
  const secret = "whsec_bytes";

  it("a BOM-prefixed body does not verify with the signature of the body without the BOM", async () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(BODY)]);
    const request = { headers: scheme.sign(secret, bytes(BODY)), rawBody: withBom };
    await expect(scheme.verify(request, secret)).rejects.toBeInstanceOf(WebhookVerificationError);
    // …and the same as a string.
    await expect(
      scheme.verify({ headers: scheme.sign(secret, bytes(BODY)), rawBody: `\uFEFF${BODY}` }, secret),
    ).rejects.toBeInstanceOf(WebhookVerificationError);
  });

  it("a BOM-prefixed body signed with its BOM verifies and parses", async () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(BODY)]);
    expect(await scheme.verify(signed(scheme, secret, withBom), secret)).toMatchObject({ provider: scheme.provider });
  });

  it("a genuine signature over bytes that are not valid UTF-8 verifies", async () => {
    // 0xff can never appear in UTF-8; here it sits inside a JSON string.
    const body = bytes(BODY.replace('"v_1"', '"v_\u0001"'));
    body[body.indexOf(1)] = 0xff;
    expect(await scheme.verify(signed(scheme, secret, body), secret)).toMatchObject({ provider: scheme.provider });
    // The same signature does not cover the body decoded and re-encoded (U+FFFD instead of 0xff).
    const replaced = bytes(new TextDecoder().decode(body));
    await expect(
      scheme.verify({ headers: scheme.sign(secret, body), rawBody: replaced }, secret),
    ).rejects.toBeInstanceOf(WebhookVerificationError);
  });

  it("a string body is verified as its UTF-8 bytes", async () => {
    const text = BODY.replace("approved", "apprové ✓");
    expect(await scheme.verify({ headers: scheme.sign(secret, bytes(text)), rawBody: text }, secret)).toMatchObject({
      provider: scheme.provider,
    });
  });
});

describe.each(schemes)("$provider webhooks: plain-JavaScript misuse is a typed error", (scheme) => {
  const secret = "whsec_misuse";
  const vf = () => createVerifetch({ providers: {}, webhooks: { [scheme.provider]: scheme.adapter(secret) } });
  const misuse: [string, unknown][] = [
    ["no request", undefined],
    ["null", null],
    ["no headers", { rawBody: BODY }],
    ["headers as a string", { headers: "x", rawBody: BODY }],
    ["no body", { headers: scheme.sign(secret, bytes(BODY)) }],
    ["an already parsed body", { headers: scheme.sign(secret, bytes(BODY)), rawBody: JSON.parse(BODY) }],
    ["a numeric body", { headers: scheme.sign(secret, bytes(BODY)), rawBody: 42 }],
  ];

  it.each(misuse)("%s: InputValidationError naming the request field", async (_, request) => {
    for (const run of [
      () => scheme.verify(request as WebhookRequest, secret),
      () => vf().verifyWebhook(scheme.provider, request as WebhookRequest),
    ]) {
      const error = await run().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputValidationError);
      expect((error as InputValidationError).field).toMatch(/^request/);
    }
  });

  it("numeric header values are a WebhookVerificationError, never a TypeError", async () => {
    const headers = Object.fromEntries(Object.keys(scheme.sign(secret, bytes(BODY))).map((name) => [name, 12345]));
    const error = await scheme
      .verify({ headers: headers as unknown as Record<string, string>, rawBody: BODY }, secret)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect(VerifetchError.isInstance(error)).toBe(true);
  });
});

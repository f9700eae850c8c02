// signWebhook against core's verification, scheme by scheme, and its refusals of bad arguments.
// Every provider's own adapter and generated verify function accept its deliveries too: that test
// is packages/verifetch/src/verifetch-webhook-sign.test.ts (the provider packages depend on this
// one, so this package cannot import them).
import { createHmac } from "node:crypto";
import { ConfigurationError, InputValidationError, WebhookVerificationError } from "@verifetch/core";
import { timestampedHmac, verifyWebhookSignature, type WebhookScheme } from "@verifetch/core/provider";
import { describe, expect, it } from "vitest";
import { type SignableDescriptor, signWebhook } from "./webhook-sign.ts";

const NOW = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const SECRET = "whsec_test";
const EVENT = { type: "session.approved", session: { id: "s_1", reference: "user_123" } };

const bodyHmac = (algorithm: "SHA-256" | "SHA-512", headers = ["X-Signature", "X-Other-Signature"]) =>
  ({ provider: "acme", title: "Acme", webhook: { scheme: "body-hmac", headers, algorithm } }) as const;
const timestamped = {
  provider: "acme",
  title: "Acme",
  webhook: timestampedHmac({ header: "X-Acme-Signature", algorithm: "SHA-256", toleranceSeconds: 300 }),
} as const;
const unsigned = {
  provider: "acme",
  title: "Acme",
  webhook: { scheme: "none", why: "Acme documents no signature; poll instead." },
} as const;

const verify = (
  descriptor: { webhook: WebhookScheme },
  request: { headers: Record<string, string>; rawBody: string },
) => verifyWebhookSignature("acme", descriptor.webhook, request, SECRET, NOW);

describe("body-hmac", () => {
  it.each(["SHA-256", "SHA-512"] as const)("%s: the hex HMAC of the body, in the first header", async (algorithm) => {
    const descriptor = bodyHmac(algorithm);
    const delivery = await signWebhook(descriptor, EVENT, SECRET);
    expect(delivery.rawBody).toBe(JSON.stringify(EVENT));
    // An independent implementation of the provider's scheme agrees byte for byte.
    const expected = createHmac(algorithm.replace("-", "").toLowerCase(), SECRET)
      .update(delivery.rawBody)
      .digest("hex");
    expect(delivery.headers).toEqual({ "content-type": "application/json", "X-Signature": expected });
    expect(await verify(descriptor, delivery)).toEqual(EVENT);
  });

  it("options.header signs into another of the scheme's headers", async () => {
    const descriptor = bodyHmac("SHA-256");
    const delivery = await signWebhook(descriptor, EVENT, SECRET, { header: "X-Other-Signature" });
    expect(Object.keys(delivery.headers)).toEqual(["content-type", "X-Other-Signature"]);
    expect(await verify(descriptor, delivery)).toEqual(EVENT);
  });

  it("a header the scheme does not list gives a delivery verification refuses as unsigned", async () => {
    const delivery = await signWebhook(bodyHmac("SHA-256"), EVENT, SECRET, { header: "X-Unknown" });
    await expect(verify(bodyHmac("SHA-256"), delivery)).rejects.toThrow(/header is missing/);
  });

  it("a changed body or another secret does not verify", async () => {
    const descriptor = bodyHmac("SHA-512");
    const delivery = await signWebhook(descriptor, EVENT, SECRET);
    const tampered = { ...delivery, rawBody: delivery.rawBody.replace("approved", "declined") };
    await expect(verify(descriptor, tampered)).rejects.toBeInstanceOf(WebhookVerificationError);
    const other = await signWebhook(descriptor, EVENT, "whsec_other");
    await expect(verify(descriptor, other)).rejects.toBeInstanceOf(WebhookVerificationError);
  });

  it("a string event is signed as is, byte for byte (here with a non-ASCII character and odd spacing)", async () => {
    const raw = '{ "type":"session.approved",  "name":"Zoë" }\n';
    const delivery = await signWebhook(bodyHmac("SHA-256"), raw, SECRET);
    expect(delivery.rawBody).toBe(raw);
    expect(await verify(bodyHmac("SHA-256"), delivery)).toEqual({ type: "session.approved", name: "Zoë" });
  });
});

describe("timestamped-hmac", () => {
  it("`t=<unix seconds>,v1=<hex HMAC of <t>.<body>>` at options.nowMs", async () => {
    const delivery = await signWebhook(timestamped, EVENT, SECRET, { nowMs: NOW + 999 });
    const t = NOW / 1000;
    const v1 = createHmac("sha256", SECRET).update(`${t}.${delivery.rawBody}`).digest("hex");
    expect(delivery.headers).toEqual({ "content-type": "application/json", "X-Acme-Signature": `t=${t},v1=${v1}` });
    expect(await verify(timestamped, delivery)).toEqual(EVENT);
  });

  it("defaults to now", async () => {
    const before = Math.floor(Date.now() / 1000);
    const delivery = await signWebhook(timestamped, EVENT, SECRET);
    const t = Number(/^t=(\d+),/.exec(delivery.headers["X-Acme-Signature"] ?? "")?.[1]);
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(await verifyWebhookSignature("acme", timestamped.webhook, delivery, SECRET)).toEqual(EVENT);
  });

  it("inside the tolerance verifies; outside it (either way) is refused as a replay", async () => {
    const at = (seconds: number) => signWebhook(timestamped, EVENT, SECRET, { nowMs: NOW + seconds * 1000 });
    expect(await verify(timestamped, await at(-300))).toEqual(EVENT);
    expect(await verify(timestamped, await at(300))).toEqual(EVENT);
    await expect(verify(timestamped, await at(-301))).rejects.toThrow(/possible replay/);
    await expect(verify(timestamped, await at(301))).rejects.toThrow(/possible replay/);
  });

  it("a changed body or another secret does not verify", async () => {
    const delivery = await signWebhook(timestamped, EVENT, SECRET, { nowMs: NOW });
    const tampered = { ...delivery, rawBody: delivery.rawBody.replace("user_123", "user_124") };
    await expect(verify(timestamped, tampered)).rejects.toThrow(/does not match/);
    const other = await signWebhook(timestamped, EVENT, "whsec_other", { nowMs: NOW });
    await expect(verify(timestamped, other)).rejects.toThrow(/does not match/);
  });
});

describe("refusals", () => {
  it("a scheme of none is a ConfigurationError saying the provider documents no signature, and why", async () => {
    const error = await signWebhook(unsigned, EVENT, SECRET).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe(
      "Acme documents no webhook signature, so a delivery cannot be signed: Acme documents no signature; poll instead.",
    );
  });

  it.each([[null], [undefined], [123], [{}], [""], ["   "]])(
    "the secret %j is a ConfigurationError (as verification refuses it)",
    async (secret) => {
      await expect(signWebhook(bodyHmac("SHA-256"), EVENT, secret as string)).rejects.toThrow(
        new ConfigurationError("the acme webhook secret must be a non-blank string"),
      );
    },
  );

  const misuse: [string, unknown, string][] = [
    ["no descriptor", undefined, "descriptor"],
    ["a descriptor without a provider", { webhook: bodyHmac("SHA-256").webhook }, "descriptor"],
    ["a descriptor without a webhook", { provider: "acme" }, "descriptor.webhook"],
    ["an unknown scheme", { provider: "acme", webhook: { scheme: "jwt" } }, "descriptor.webhook.scheme"],
    [
      "an unknown algorithm",
      { provider: "acme", webhook: { scheme: "body-hmac", headers: ["X-S"], algorithm: "MD5" } },
      "descriptor.webhook.algorithm",
    ],
    [
      "no signature header",
      { provider: "acme", webhook: { scheme: "body-hmac", headers: [], algorithm: "SHA-256" } },
      "descriptor.webhook.headers",
    ],
    [
      "a timestamped scheme without its header",
      { provider: "acme", webhook: { scheme: "timestamped-hmac", algorithm: "SHA-256" } },
      "descriptor.webhook.header",
    ],
  ];
  it.each(misuse)("%s is an InputValidationError naming %s", async (_, descriptor, field) => {
    const error = await signWebhook(descriptor as SignableDescriptor, EVENT, SECRET).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputValidationError);
    expect((error as InputValidationError).field).toBe(field);
  });

  it.each([[undefined], [() => 1], [Symbol("event")], [{ big: 1n }], [circular()]])(
    "the event %s (not JSON) is an InputValidationError naming event",
    async (event) => {
      const error = await signWebhook(bodyHmac("SHA-256"), event, SECRET).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputValidationError);
      expect((error as InputValidationError).field).toBe("event");
    },
  );

  it.each([
    [{ nowMs: Number.NaN }, "options.nowMs"],
    [{ nowMs: "1767225600000" }, "options.nowMs"],
    [{ nowMs: -1 }, "options.nowMs"],
    [{ header: "" }, "options.header"],
    [{ header: "X Signature" }, "options.header"],
    [{ header: 42 }, "options.header"],
    [null, "options"],
  ])("the options %j are an InputValidationError naming %s", async (options, field) => {
    const error = await signWebhook(timestamped, EVENT, SECRET, options as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputValidationError);
    expect((error as InputValidationError).field).toBe(field);
  });
});

function circular(): object {
  const value: Record<string, unknown> = {};
  value.self = value;
  return value;
}

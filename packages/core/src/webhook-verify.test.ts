import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConfigurationError, InputValidationError, WebhookVerificationError } from "./error-classes.ts";
import { parseWebhookJson, verifyBodyHmac, webhookBytes, webhookHeader, webhookSecret } from "./webhook-verify.ts";

const body = '{"event":"verifications.updated","data":{"verification":"v_1"}}';
const scheme = { provider: "acme", header: "X-Acme-Signature", algorithm: "SHA-512" as const, secret: "whsec_1" };
const sign = (data: string | Uint8Array, secret = "whsec_1") => createHmac("sha512", secret).update(data).digest("hex");
const signature = sign(body);

describe("verifyBodyHmac", () => {
  it("accepts the signature of the exact body (string or bytes) and parses it", async () => {
    expect(await verifyBodyHmac({ headers: { "x-acme-signature": signature }, rawBody: body }, scheme)).toEqual(
      JSON.parse(body),
    );
    const bytes = new TextEncoder().encode(body);
    expect(
      await verifyBodyHmac(
        { headers: new Headers({ "X-Acme-Signature": signature.toUpperCase() }), rawBody: bytes },
        scheme,
      ),
    ).toBeTruthy();
  });

  it("refuses a missing header, a wrong signature, a modified body and a non-JSON body", async () => {
    await expect(verifyBodyHmac({ headers: {}, rawBody: body }, scheme)).rejects.toThrow(/header is missing/);
    await expect(
      verifyBodyHmac({ headers: { "x-acme-signature": "00" }, rawBody: body }, scheme),
    ).rejects.toBeInstanceOf(WebhookVerificationError);
    await expect(
      verifyBodyHmac({ headers: { "x-acme-signature": signature }, rawBody: `${body} ` }, scheme),
    ).rejects.toThrow(/does not match/);
    const text = "not json";
    await expect(
      verifyBodyHmac({ headers: { "x-acme-signature": sign(text) }, rawBody: text }, scheme),
    ).rejects.toThrow(/not JSON/);
  });

  it.each([[null], [undefined], [123], [0], [true], [{}], [["whsec_1"]], [""], ["  "]])(
    "refuses the secret %j before any verification (never a key made by coercion)",
    async (secret) => {
      const coerced = { "x-acme-signature": sign(body, String(secret)) };
      const bad = { ...scheme, secret: secret as string };
      await expect(verifyBodyHmac({ headers: coerced, rawBody: body }, bad)).rejects.toBeInstanceOf(ConfigurationError);
      await expect(verifyBodyHmac({ headers: {}, rawBody: body }, bad)).rejects.toBeInstanceOf(ConfigurationError);
    },
  );

  it("signs and verifies the exact bytes: a BOM or bytes that are not UTF-8 are part of what is signed", async () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(body)]);
    await expect(
      verifyBodyHmac({ headers: { "x-acme-signature": signature }, rawBody: withBom }, scheme),
    ).rejects.toThrow(/does not match/);
    expect(await verifyBodyHmac({ headers: { "x-acme-signature": sign(withBom) }, rawBody: withBom }, scheme)).toEqual(
      JSON.parse(body),
    );
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode('{"event":"caf'),
      0xe9,
      ...new TextEncoder().encode('"}'),
    ]);
    expect(await verifyBodyHmac({ headers: { "x-acme-signature": sign(latin1) }, rawBody: latin1 }, scheme)).toEqual({
      event: "caf\uFFFD",
    });
  });
});

describe("webhook request helpers", () => {
  it("reads webhook headers case-insensitively from records and Headers; non-strings are absent", () => {
    expect(webhookHeader({ "X-Sig": "a" }, "x-sig")).toBe("a");
    expect(webhookHeader({ "x-sig": ["b", "c"] }, "X-Sig")).toBe("b");
    expect(webhookHeader(new Headers({ "X-Sig": "d" }), "x-sig")).toBe("d");
    expect(webhookHeader({ "x-sig": 12 } as unknown as Record<string, string>, "x-sig")).toBeUndefined();
    expect(webhookHeader({}, "x-sig")).toBeUndefined();
  });

  it("webhookBytes: the UTF-8 bytes of a string, bytes as given, anything else an InputValidationError", () => {
    expect(webhookBytes({ headers: {}, rawBody: "é" })).toEqual(new Uint8Array([0xc3, 0xa9]));
    const bytes = new Uint8Array([0xff]);
    expect(webhookBytes({ headers: {}, rawBody: bytes })).toBe(bytes);
    const field = (request: unknown) => {
      try {
        webhookBytes(request as never);
      } catch (error) {
        if (InputValidationError.isInstance(error)) return error.field;
      }
      return undefined;
    };
    expect(field(undefined)).toBe("request.headers");
    expect(field({ rawBody: body })).toBe("request.headers");
    expect(field({ headers: {}, rawBody: JSON.parse(body) })).toBe("request.rawBody");
  });

  it("webhookSecret: a non-blank string, else a ConfigurationError naming the provider", () => {
    expect(webhookSecret("acme", " s ")).toBe(" s ");
    expect(() => webhookSecret("acme", 1)).toThrow("the acme webhook secret must be a non-blank string");
  });

  it("parseWebhookJson skips a byte order mark in bytes", () => {
    expect(parseWebhookJson("acme", new Uint8Array([0xef, 0xbb, 0xbf, 0x31]))).toBe(1);
    expect(parseWebhookJson("acme", '{"a":1}')).toEqual({ a: 1 });
  });
});

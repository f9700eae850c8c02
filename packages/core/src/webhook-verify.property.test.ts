// Property: a body-HMAC webhook verifies exactly when the signature is the HMAC of the very bytes
// received — whatever those bytes are (not UTF-8, a BOM, any JSON) — and a change to one byte or to
// the key is always refused. The key is a non-blank string; anything else never verifies.
import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConfigurationError, WebhookVerificationError } from "./error-classes.ts";
import { verifyBodyHmac } from "./webhook-verify.ts";

const scheme = (secret: unknown) => ({
  provider: "acme",
  header: "X-Signature",
  algorithm: "SHA-256" as const,
  secret: secret as string,
});
const sign = (secret: string, bytes: Uint8Array) => createHmac("sha256", secret).update(bytes).digest("hex");
const utf8 = (text: string) => new TextEncoder().encode(text);
// JSON bodies as bytes, some prefixed with a BOM or holding bytes that are not UTF-8 inside a string.
const jsonBytes = fc.oneof(
  fc.json().map(utf8),
  fc.json().map((json) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(json)])),
  fc
    .uint8Array({ maxLength: 24 })
    .map((junk) => new Uint8Array([...utf8('{"a":"'), ...junk.filter((b) => b > 0x7f), ...utf8('"}')])),
);
const secret = fc.string({ minLength: 1 }).filter((s) => s.trim() !== "");

describe("verifyBodyHmac (property)", () => {
  it("accepts the HMAC of the exact bytes, and nothing else", async () => {
    await fc.assert(
      fc.asyncProperty(jsonBytes, secret, fc.nat(), fc.integer({ min: 1, max: 255 }), async (bytes, key, at, flip) => {
        const signature = sign(key, bytes);
        await expect(
          verifyBodyHmac({ headers: { "x-signature": signature }, rawBody: bytes }, scheme(key)),
        ).resolves.not.toThrow();
        const changed = bytes.slice();
        const index = at % changed.length;
        changed[index] = (changed[index] as number) ^ flip;
        await expect(
          verifyBodyHmac({ headers: { "x-signature": signature }, rawBody: changed }, scheme(key)),
        ).rejects.toBeInstanceOf(WebhookVerificationError);
        await expect(
          verifyBodyHmac({ headers: { "x-signature": signature }, rawBody: bytes }, scheme(`${key}x`)),
        ).rejects.toBeInstanceOf(WebhookVerificationError);
      }),
      { numRuns: 200 },
    );
  });

  it("never verifies with a key that is not a non-blank string, whatever it coerces to", async () => {
    const notAKey = fc.oneof(
      fc.constantFrom(null, undefined, true, false, {}, []),
      fc.double(),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.stringMatching(/^\s*$/),
    );
    await fc.assert(
      fc.asyncProperty(notAKey, fc.json(), async (key, json) => {
        const bytes = utf8(json);
        const request = { headers: { "x-signature": sign(String(key), bytes) }, rawBody: bytes };
        await expect(verifyBodyHmac(request, scheme(key))).rejects.toBeInstanceOf(ConfigurationError);
      }),
      { numRuns: 200 },
    );
  });
});

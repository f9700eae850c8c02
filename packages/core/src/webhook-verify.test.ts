import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { WebhookVerificationError } from "./error-classes.ts";
import { verifyBodyHmac } from "./webhook-verify.ts";

const body = '{"event":"verifications.updated","data":{"verification":"v_1"}}';
const scheme = { provider: "acme", header: "X-Acme-Signature", algorithm: "SHA-512" as const, secret: "whsec_1" };
const signature = createHmac("sha512", "whsec_1").update(body).digest("hex");

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
    const textSignature = createHmac("sha512", "whsec_1").update(text).digest("hex");
    await expect(
      verifyBodyHmac({ headers: { "x-acme-signature": textSignature }, rawBody: text }, scheme),
    ).rejects.toThrow(/not JSON/);
  });
});

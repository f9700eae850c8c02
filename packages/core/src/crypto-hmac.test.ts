import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hmacHex, hmacVerifyHex, timingSafeEqual, utf8 } from "./crypto-hmac.ts";

describe("hmacHex", () => {
  it.each(["SHA-256", "SHA-512"] as const)("matches node:crypto for %s", async (algorithm) => {
    const expected = createHmac(algorithm.replace("-", "").toLowerCase(), "s3cr3t").update('{"a":"é"}').digest("hex");
    expect(await hmacHex(algorithm, "s3cr3t", '{"a":"é"}')).toBe(expected);
  });

  it("matches the RFC 4231 test case 2 vector", async () => {
    expect(await hmacHex("SHA-256", "Jefe", "what do ya want for nothing?")).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
  });
});

describe("timingSafeEqual", () => {
  it("compares exactly", () => {
    expect(timingSafeEqual("abc", "abc")).toBe(true);
    expect(timingSafeEqual("abc", "abd")).toBe(false);
    expect(timingSafeEqual("abc", "abcd")).toBe(false);
    expect(timingSafeEqual("", "")).toBe(true);
    expect(timingSafeEqual("", "a")).toBe(false);
  });
});

describe("hmacVerifyHex", () => {
  const body = utf8('{"a":"é"}');
  const signature = createHmac("sha256", "s3cr3t").update(body).digest("hex");
  const verify = (...signatures: string[]) => hmacVerifyHex("SHA-256", "s3cr3t", signatures, body);

  it("holds when one signature is the HMAC of the exact bytes, in any case", async () => {
    expect(await verify(signature)).toBe(true);
    expect(await verify(signature.toUpperCase())).toBe(true);
    expect(await verify("00", signature)).toBe(true);
  });

  it("refuses a prefix, a longer value, another key, non-hex, odd length and nothing", async () => {
    for (const wrong of [
      signature.slice(0, 32),
      `${signature}00`,
      signature.slice(1),
      `${signature.slice(0, -1)}g`,
      "",
    ]) {
      expect(await verify(wrong)).toBe(false);
    }
    expect(await verify()).toBe(false);
    expect(await hmacVerifyHex("SHA-256", "other", [signature], body)).toBe(false);
  });
});

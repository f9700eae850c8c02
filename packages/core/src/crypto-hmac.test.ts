import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hmacHex, timingSafeEqual } from "./crypto-hmac.ts";

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

import { describe, expect, it } from "vitest";
import { basicAuthorization } from "./auth-basic.ts";

describe("basicAuthorization", () => {
  it("encodes id:secret as RFC 7617 Basic credentials", () => {
    expect(basicAuthorization("Aladdin", "open sesame")).toBe("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    expect(basicAuthorization("ünï", "ç")).toBe(`Basic ${Buffer.from("ünï:ç", "utf8").toString("base64")}`);
  });
});

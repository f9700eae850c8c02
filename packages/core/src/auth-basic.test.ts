import { describe, expect, it } from "vitest";
import { basicAuthorization, setBasicAuthorization } from "./auth-basic.ts";

describe("basicAuthorization", () => {
  it("encodes id:secret as RFC 7617 Basic credentials", () => {
    expect(basicAuthorization("Aladdin", "open sesame")).toBe("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    expect(basicAuthorization("ünï", "ç")).toBe(`Basic ${Buffer.from("ünï:ç", "utf8").toString("base64")}`);
  });
});

describe("setBasicAuthorization", () => {
  it("sets the header and returns every form of the credentials to redact", () => {
    const request = { headers: new Headers() };
    const secrets = setBasicAuthorization(request, "Aladdin", "open sesame");
    expect(request.headers.get("Authorization")).toBe("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    expect(secrets).toEqual(["Aladdin", "open sesame", "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="]);
  });
});

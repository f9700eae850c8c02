import { createHmac } from "node:crypto";
import type { OutgoingRequest } from "@verifetch/core/provider";
import { describe, expect, it } from "vitest";
import { veriffSignaturePayload } from "./veriff-signature.ts";

const secret = "4f0b1b2c-aaaa-4bbb-8ccc-dddddddddddd";
const base = "https://stationapi.veriff.com";

function outgoing(method: string, url: string, body?: string | ArrayBuffer): OutgoingRequest {
  return { method, url, headers: new Headers(), body };
}

/** Independent of the code under test: node:crypto, not WebCrypto. */
function nodeHmacHex(payload: string | Uint8Array): string {
  return createHmac("sha256", secret).update(payload).digest("hex");
}

describe("veriffSignaturePayload", () => {
  it("signs a string body as its UTF-8 bytes, the same as the identical binary body", async () => {
    const text = '{"verification":{"status":"submitted"},"note":"Jüri Õun ✓"}';
    const bytes = new TextEncoder().encode(text);
    const url = `${base}/v1/sessions/s1`;
    const fromText = await veriffSignaturePayload(outgoing("PATCH", url, text), base)?.sign(secret);
    const fromBytes = await veriffSignaturePayload(outgoing("PATCH", url, bytes.slice().buffer), base)?.sign(secret);
    expect(fromText).toBe(nodeHmacHex(bytes));
    expect(fromBytes).toBe(fromText);
  });

  it("signs a bodiless POST/PATCH over no bytes", async () => {
    const payload = veriffSignaturePayload(outgoing("PATCH", `${base}/v1/sessions/s1`), base);
    expect(await payload?.sign(secret)).toBe(nodeHmacHex(""));
  });

  it("leaves the create call unsigned, with or without a trailing slash", () => {
    expect(veriffSignaturePayload(outgoing("POST", `${base}/v1/sessions`, "{}"), base)).toBeUndefined();
    expect(veriffSignaturePayload(outgoing("POST", `${base}/v1/sessions/`, "{}"), base)).toBeUndefined();
  });

  it("signs GET/DELETE over the decoded session id, below a base URL path prefix", async () => {
    const prefixed = "https://proxy.example.test/veriff/";
    const url = "https://proxy.example.test/veriff/v1/sessions/odd%20id%2F1/decision";
    for (const method of ["GET", "DELETE"]) {
      expect(await veriffSignaturePayload(outgoing(method, url), prefixed)?.sign(secret)).toBe(nodeHmacHex("odd id/1"));
    }
  });

  it("leaves a GET with no session id in its path unsigned rather than guessing", () => {
    expect(veriffSignaturePayload(outgoing("GET", `${base}/v1/other`), base)).toBeUndefined();
    expect(veriffSignaturePayload(outgoing("GET", `${base}/v1/sessions/`), base)).toBeUndefined();
  });
});

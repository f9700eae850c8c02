import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signRequest } from "./request-signature.ts";
import type { OutgoingRequest } from "./transport-types.ts";

const secret = "4f0b1b2c-aaaa-4bbb-8ccc-dddddddddddd";
const signature = { algorithm: "SHA-256", pathParameter: "sessionId" } as const;

function outgoing(method: string, body?: string | ArrayBuffer, params: Record<string, string> = {}): OutgoingRequest {
  return {
    method,
    url: "https://stationapi.veriff.com/v1/sessions/s1",
    headers: new Headers(),
    body,
    operation: { path: "/v1/sessions/{sessionId}", params },
  };
}

/** Independent of the code under test: node:crypto, not WebCrypto. */
const nodeHmacHex = (payload: string | Uint8Array) => createHmac("sha256", secret).update(payload).digest("hex");

describe("signRequest", () => {
  it("signs a string body as its UTF-8 bytes, the same as the identical binary body", async () => {
    const text = '{"verification":{"status":"submitted"},"note":"Jüri Õun ✓"}';
    const bytes = new TextEncoder().encode(text);
    const fromText = await signRequest(outgoing("PATCH", text), secret, signature);
    const fromBytes = await signRequest(outgoing("PATCH", bytes.slice().buffer), secret, signature);
    expect(fromText).toBe(nodeHmacHex(bytes));
    expect(fromBytes).toBe(fromText);
  });

  it("signs a bodiless POST or PATCH over no bytes", async () => {
    expect(await signRequest(outgoing("PATCH"), secret, signature)).toBe(nodeHmacHex(""));
  });

  it("signs GET and DELETE over the path parameter's value itself (not its URL encoding)", async () => {
    for (const method of ["GET", "DELETE"]) {
      const request = outgoing(method, undefined, { sessionId: "odd id/1" });
      expect(await signRequest(request, secret, signature)).toBe(nodeHmacHex("odd id/1"));
    }
  });
});

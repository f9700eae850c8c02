import type { FetchLike } from "@verifetch/core";

/** What the demo prints about a request: enough to see what was sent, never a credential. */
export interface SentRequest {
  method: string;
  url: string;
  body: unknown;
}

/** A fetch that records method, URL and body of each request (never its headers, so no credential) before sending it on. */
export function recordingFetch(sent: SentRequest[]): FetchLike {
  return async (request) => {
    const text = await request.clone().text();
    sent.push({ method: request.method, url: request.url, body: text ? bodyOf(text, request.headers) : undefined });
    return fetch(request);
  };
}

/** A sent body as data: a form's fields (Stripe's `a[b]=c` keys kept flat), else JSON, else the text. */
function bodyOf(text: string, headers: Headers): unknown {
  if (headers.get("content-type")?.startsWith("application/x-www-form-urlencoded")) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

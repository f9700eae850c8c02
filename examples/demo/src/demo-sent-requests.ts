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
    sent.push({ method: request.method, url: request.url, body: text ? JSON.parse(text) : undefined });
    return fetch(request);
  };
}

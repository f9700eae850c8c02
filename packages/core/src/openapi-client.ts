// The typed openapi-fetch client of a provider (`complyCubeApiClient(complycube)`): every spec
// operation, sent through the same transport as the convenience methods. Built on demand, so a
// program that only calls convenience methods never bundles openapi-fetch's client.
import createClient, { type Client } from "openapi-fetch";
import { utf8 } from "./crypto-hmac.ts";
import { parseSuccessBody } from "./operation-call.ts";
import { bodyKeepingRequest, replayableBody } from "./request-body.ts";
import { setTransportMeta } from "./response-meta.ts";
import { NULL_BODY_STATUSES, sendWithRetries, type Transport } from "./retry-send.ts";
import { transportOf } from "./transport-create.ts";

const clients = new WeakMap<Transport, Client<object, "application/json">>();

/**
 * The openapi-fetch client (`{ data, error, response }` results) of the provider client `owner`,
 * created once per owner. Provider packages wrap it with their `paths`.
 */
export function openApiClientOf<Paths extends {}>(owner: object): Client<Paths, "application/json"> {
  const transport = transportOf(owner);
  let client = clients.get(transport);
  if (!client) {
    client = createClient<object, "application/json">({
      baseUrl: transport.baseUrl,
      headers: transport.headers,
      Request: bodyKeepingRequest(),
      fetch: (request) => sendRequest(transport, request),
    });
    clients.set(transport, client);
  }
  return client as Client<Paths, "application/json">;
}

/**
 * Sends openapi-fetch's prepared Request and hands back a buffered copy of the final response. A
 * 2xx is parsed here once, so an empty or malformed body is a typed InvalidResponseError, and the
 * copy's `json()` returns the parsed value. A length header makes openapi-fetch call `json()`.
 */
async function sendRequest(transport: Transport, request: Request): Promise<Response> {
  const method = request.method.toUpperCase();
  const body = method === "GET" || method === "HEAD" ? undefined : await replayableBody(request);
  const exchange = await sendWithRetries(transport, {
    method,
    url: request.url,
    headers: new Headers(request.headers),
    body,
    signal: request.signal,
  });
  const { response, headers, text, meta } = exchange;
  const { status, ok } = response;
  if (response.type === "opaqueredirect") {
    // A browser's hidden redirect (status 0) cannot be copied into a new Response; its body is empty.
    setTransportMeta(response, meta);
    return response;
  }
  const value = ok ? parseSuccessBody(transport.provider, exchange) : undefined;
  const copy = new Response(NULL_BODY_STATUSES.has(status) ? null : text, {
    status,
    statusText: response.statusText,
    // Credentials a provider echoed in a header are redacted here, for results and errors alike.
    headers,
  });
  copy.headers.set("content-length", String(utf8(text).length));
  copy.headers.delete("transfer-encoding");
  copy.headers.delete("content-encoding");
  if (ok) Object.defineProperty(copy, "json", { value: async () => value });
  setTransportMeta(copy, meta);
  return copy;
}

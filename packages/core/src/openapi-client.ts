// The typed openapi-fetch client of a provider (`complyCubeApiClient(complycube)`): every spec
// operation, sent through the same transport as the convenience methods. Built on demand, and
// openapi-fetch itself is imported only when its client first sends a request: importing a provider
// package, or calling only its methods, never loads (or bundles into the startup path) openapi-fetch.
import type { Client, Middleware } from "openapi-fetch";
import { utf8 } from "./crypto-hmac.ts";
import { parseSuccessBody } from "./operation-call.ts";
import { bodyKeepingRequest, replayableBody } from "./request-body.ts";
import { sendWithRetries } from "./retry-send.ts";

/** Statuses whose responses cannot have a body (the Response constructor refuses one). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

import { redactText } from "./secret-redact.ts";
import { transportOf } from "./transport-create.ts";
import type { OutgoingRequest, Transport } from "./transport-types.ts";

type AnyClient = Client<object, "application/json">;
type Operation = NonNullable<OutgoingRequest["operation"]>;

const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "request"] as const;

/** The openapi-fetch client of a provider client (made once per client, cached on its transport). */
export function openApiClientOf<Paths extends {}>(owner: object): Client<Paths, "application/json"> {
  const transport = transportOf(owner) as Transport & { openapi?: AnyClient };
  transport.openapi ??= lazyClient(transport);
  return transport.openapi as Client<Paths, "application/json">;
}

/**
 * A client with openapi-fetch's interface whose calls load openapi-fetch on first use. Middleware
 * added with `use` before that is applied in order; each request's spec operation (path template
 * and path parameters) is handed to the transport, so credentials follow the operation's security.
 */
function lazyClient(transport: Transport): AnyClient {
  const operations = new WeakMap<Request, Operation>();
  const added: Middleware[] = [];
  let loaded: Promise<AnyClient> | undefined;
  const load = () =>
    (loaded ??= import("openapi-fetch").then(({ default: createClient }) => {
      const client = createClient<object, "application/json">({
        baseUrl: transport.baseUrl,
        headers: transport.headers,
        Request: bodyKeepingRequest(),
        fetch: (request) => sendRequest(transport, request, operations.get(request)),
      });
      // Last of the middleware, so it sees the Request that is sent.
      client.use(...added, {
        onRequest({ request, schemaPath, params }) {
          const path = Object.fromEntries(Object.entries(params.path ?? {}).map(([k, v]) => [k, String(v)]));
          operations.set(request, { path: schemaPath, params: path });
        },
      });
      return client;
    }));
  const lazy = {
    use: (...middleware: Middleware[]) => {
      if (loaded) throw new Error("add openapi-fetch middleware before the client's first request");
      added.push(...middleware);
    },
    eject: (...middleware: Middleware[]) => {
      for (const item of middleware) added.splice(added.indexOf(item) >>> 0, 1);
    },
  } as Record<string, unknown>;
  for (const method of METHODS) {
    lazy[method] = (...args: unknown[]) =>
      load().then((client) => (client[method] as (...a: unknown[]) => unknown)(...args));
  }
  return lazy as unknown as AnyClient;
}

async function sendRequest(transport: Transport, request: Request, operation: Operation | undefined) {
  const method = request.method.toUpperCase();
  const body = method === "GET" || method === "HEAD" ? undefined : await replayableBody(request);
  const exchange = await sendWithRetries(transport, {
    method,
    url: request.url,
    headers: new Headers(request.headers),
    body,
    signal: request.signal,
    operation,
  });
  const { response, headers, meta } = exchange;
  const { status, ok } = response;
  // An error body goes to the caller as `error`: a credential the provider echoed is redacted in it.
  const text = ok ? exchange.text : redactText(exchange.text, meta.secrets);
  // A browser's hidden redirect (status 0) cannot be copied into a new Response; its body is empty.
  if (response.type === "opaqueredirect") return response;
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
  return copy;
}

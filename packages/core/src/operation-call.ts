// What every convenience method (`complycube.createFlowSession(body)`) runs: one spec operation sent
// through the transport, returning its data or throwing the typed error. It serializes the way
// openapi-fetch does by default (JSON body, simple-style path parameters, form-style query), which
// is all our specs use, without bundling openapi-fetch's general client into every program.
import type { Client, ClientPathsWithMethod, FetchResponse, MaybeOptionalInit } from "openapi-fetch";
import { InputValidationError, InvalidResponseError } from "./error-classes.ts";
import { apiErrorFor, requestIdFrom } from "./error-from-response.ts";
import { attachResponseMeta } from "./response-meta.ts";
import { type Exchange, NULL_BODY_STATUSES, sendWithRetries, type Transport } from "./retry-send.ts";
import { redactText, redactValue } from "./secret-redact.ts";
import type { CallOptions } from "./transport-create.ts";

/** The lower-case HTTP methods of an OpenAPI path item. */
export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** The parameters and body of one operation call, as openapi-fetch takes them. */
export interface OperationInit {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown> };
  body?: unknown;
}

/** The operation object of `Method` on `Path` (generated path items mark absent methods `never`). */
type OperationOf<Paths, Path extends keyof Paths, Method> = Method extends keyof Paths[Path]
  ? NonNullable<Paths[Path][Method]> & Record<string | number, unknown>
  : never;

/** Sends one operation of `Paths`, typed like openapi-fetch's `client.request`, and returns its data. */
export type OperationCaller<Paths extends {}> = <
  Method extends HttpMethod,
  Path extends ClientPathsWithMethod<Client<Paths, "application/json">, Method>,
  Init extends MaybeOptionalInit<Paths[Path], Method & keyof Paths[Path]>,
>(
  method: Method,
  path: Path,
  init: Init,
  options?: CallOptions,
) => Promise<
  Exclude<
    Extract<FetchResponse<OperationOf<Paths, Path, Method>, Init, "application/json">, { error?: never }>["data"],
    undefined
  >
>;

/** The typed operation caller of a transport (provider clients keep one). */
export function operationCaller<Paths extends {}>(transport: Transport): OperationCaller<Paths> {
  return ((method: string, path: string, init: OperationInit, options?: CallOptions) =>
    callOperation(transport, method, path, init, options)) as OperationCaller<Paths>;
}

const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** Sends `method path` with `init` and returns the parsed data (with its call facts attached), or throws. */
export async function callOperation(
  transport: Transport,
  method: string,
  path: string,
  { params = {}, body }: OperationInit,
  { signal, headers, idempotencyKey, ...overrides }: CallOptions = {},
): Promise<unknown> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params.query ?? {})) {
    for (const item of [value].flat()) if (item != null) query.append(key, String(item));
  }
  const search = String(query);
  const filled = path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(params.path?.[name])));
  const outgoing = new Headers({ ...transport.headers, ...headers });
  if (body !== undefined) outgoing.set("Content-Type", "application/json");
  if (idempotencyKey !== undefined) {
    const header = transport.idempotencyHeader;
    if (!header) {
      throw new InputValidationError(
        "idempotencyKey",
        `${transport.provider} documents no idempotency key, so one cannot be sent (its create calls are never retried once they may have reached it)`,
      );
    }
    if (!idempotencyKey || idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
      throw new InputValidationError(
        "idempotencyKey",
        `must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters long (got ${idempotencyKey.length})`,
      );
    }
    outgoing.set(header, idempotencyKey);
  }
  const exchange = await sendWithRetries(
    transport,
    {
      method: method.toUpperCase(),
      url: transport.baseUrl + filled + (search && `?${search}`),
      headers: outgoing,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    },
    overrides,
  );
  const { response, text, meta } = exchange;
  const { status, headers: responseHeaders } = response;
  const { retryCount, idempotencyKey: sentKey, retryAfterMs, secrets } = meta;
  if (!response.ok) {
    const context = { provider: transport.provider, retryCount, idempotencyKey: sentKey, retryAfterMs };
    throw apiErrorFor(status, redactValue(parseErrorBody(text), secrets), responseHeaders, context);
  }
  const data = parseSuccessBody(transport.provider, exchange);
  const requestId = requestIdFrom(responseHeaders);
  return attachResponseMeta(data, { status, requestId, retryCount, idempotencyKey: sentKey, retryAfterMs: undefined });
}

/** An error body as JSON when it parses, otherwise its text (undefined when empty). */
export function parseErrorBody(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The JSON value of a 2xx (undefined for a status that has no body). An empty or malformed body is
 * an InvalidResponseError rather than a raw SyntaxError: the provider acted, so it is not retried.
 */
export function parseSuccessBody(provider: string, { response, text, meta }: Exchange): unknown {
  const { status, headers } = response;
  if (NULL_BODY_STATUSES.has(status)) return undefined;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new InvalidResponseError({
      provider,
      status,
      body: redactText(text.slice(0, 1000), meta.secrets),
      headers,
      requestId: requestIdFrom(headers),
      retryCount: meta.retryCount,
      idempotencyKey: meta.idempotencyKey,
      message: `${provider} responded ${status} with ${text.trim() ? "a body that is not valid JSON" : "an empty body"} where JSON was expected`,
      cause,
    });
  }
}

// What every convenience method (`complycube.createFlowSession(body)`) runs: one spec operation sent
// through the transport, returning its data or throwing the typed error. It serializes the way
// openapi-fetch does by default (JSON body, simple-style path parameters, form-style query), which
// is all our specs use, without bundling openapi-fetch's general client into every program.
import type { Client, ClientPathsWithMethod, FetchResponse, MaybeOptionalInit } from "openapi-fetch";
import { InputValidationError, InvalidResponseError } from "./error-classes.ts";
import { apiErrorFor, requestIdFrom } from "./error-from-response.ts";
import { attachResponseMeta, type ResponseMeta } from "./response-meta.ts";
import { NOT_HTTP, sendWithRetries } from "./retry-send.ts";
import { redactText, redactValue } from "./secret-redact.ts";
import type { CallOptions, Exchange, QueryString, Transport } from "./transport-types.ts";

/** The lower-case HTTP methods of an OpenAPI path item. */
export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** The parameters and body of one operation call, as openapi-fetch takes them. */
export interface OperationInit {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown> };
  body?: unknown;
  /**
   * The body's media type when the spec's is not JSON (`application/x-www-form-urlencoded` for
   * Stripe): `body` is then already encoded, as a string (core's `formBody`). JSON otherwise.
   */
  contentType?: string | undefined;
}

/** The operation object of `Method` on `Path` (generated path items mark absent methods `never`). */
type OperationOf<Paths, Path extends keyof Paths, Method> = Method extends keyof Paths[Path]
  ? NonNullable<Paths[Path][Method]> & Record<string | number, unknown>
  : never;

/**
 * Sends one operation of `Paths`, typed like openapi-fetch's `client.request`, and returns its data.
 * `required` lists the fields (dotted paths; `a|b.c` for either) the result must have as non-empty
 * strings — a created session's URL and id — so a 2xx without them is an InvalidResponseError.
 */
export type OperationCaller<Paths extends {}> = <
  Method extends HttpMethod,
  Path extends ClientPathsWithMethod<Client<Paths, "application/json">, Method>,
  Init extends MaybeOptionalInit<Paths[Path], Method & keyof Paths[Path]>,
>(
  method: Method,
  path: Path,
  init: Init,
  options?: CallOptions,
  required?: readonly string[],
) => Promise<
  Exclude<
    Extract<FetchResponse<OperationOf<Paths, Path, Method>, Init, "application/json">, { error?: never }>["data"],
    undefined
  >
>;

/** The typed operation caller of a transport (provider clients keep one). */
export function operationCaller<Paths extends {}>(transport: Transport): OperationCaller<Paths> {
  return ((method: string, path: string, init: OperationInit, options?: CallOptions, required?: readonly string[]) =>
    callOperation(transport, method, path, init, options, required)) as OperationCaller<Paths>;
}

/** A path parameter that would change which URL is called: empty, blank, or a dot segment. */
const UNSAFE_PATH_PARAMETER = /^(\s*|\.\.?)$/;

/**
 * Sends `method path` with `init` and returns the parsed data (with its call facts attached), or
 * throws. Bad input — a path parameter that is not a non-empty string, a header HTTP cannot carry,
 * a malformed idempotency key, a body JSON cannot represent — is an InputValidationError naming it,
 * before any request.
 */
export async function callOperation(
  transport: Transport,
  method: string,
  path: string,
  { params = {}, body, contentType }: OperationInit,
  { signal, headers, idempotencyKey, ...overrides }: CallOptions = {},
  required?: readonly string[],
): Promise<unknown> {
  // Only a client whose spec has query parameters sends a query, and its transport has `query`.
  const search = params.query ? (transport.query as QueryString)(params.query) : "";
  const pathParams: Record<string, string> = {};
  const filled = path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params.path?.[name];
    // `getSession(undefined)` must not call `/sessions/undefined`, nor `".."` the parent path.
    if (typeof value !== "string" || UNSAFE_PATH_PARAMETER.test(value)) {
      throw new InputValidationError(name, "must be an id (a non-empty string)");
    }
    pathParams[name] = value;
    return encodeURIComponent(value);
  });
  const outgoing = headersFrom({ ...transport.headers, ...headers });
  if (body !== undefined) outgoing.set("Content-Type", contentType ?? "application/json");
  if (idempotencyKey !== undefined) {
    const idempotency = transport.idempotency;
    if (!idempotency) {
      throw new InputValidationError("idempotencyKey", `${transport.provider} takes no idempotency key`);
    }
    outgoing.set(idempotency.header, idempotency.check(idempotencyKey));
  }
  let encoded: string | undefined;
  try {
    // A body of another media type comes encoded (its encoder named any bad field already).
    encoded = body === undefined || contentType ? (body as string | undefined) : JSON.stringify(body);
  } catch (error) {
    // A BigInt or a circular reference; the message names no value.
    throw new InputValidationError("body", `cannot be sent as JSON: ${(error as Error).message}`);
  }
  const exchange = await sendWithRetries(
    transport,
    {
      method: method.toUpperCase(),
      url: transport.baseUrl + filled + search,
      headers: outgoing,
      body: encoded,
      signal,
      operation: { path, params: pathParams },
    },
    overrides,
  );
  const { response, headers: responseHeaders, text, meta } = exchange;
  const { status } = response;
  const { retryCount, idempotencyKey: sentKey, secrets } = meta;
  if (!response.ok) {
    // The transport's facts are the error's context: retries, key, requested wait, safety.
    throw apiErrorFor(status, redactValue(parseErrorBody(text), secrets), responseHeaders, {
      provider: transport.provider,
      ...meta,
    });
  }
  const data = parseSuccessBody(transport.provider, exchange, required);
  const requestId = requestIdFrom(responseHeaders);
  // A success carries no wait (`retryAfterMs` reads as undefined).
  return attachResponseMeta(data, { status, requestId, retryCount, idempotencyKey: sentKey } as ResponseMeta);
}

/**
 * `record` as Headers. A name or value HTTP cannot carry (a line break, a character outside
 * Latin-1) is an InputValidationError naming `headers.<name>` — never the Headers TypeError, whose
 * message quotes the value (which may be a credential).
 */
export function headersFrom(record: Record<string, string>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(record)) {
    try {
      headers.set(name, value);
    } catch {
      throw new InputValidationError(`headers.${name}`, NOT_HTTP);
    }
  }
  return headers;
}

/** An error body as JSON when it parses, otherwise its text (undefined when empty). */
export function parseErrorBody(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The JSON value of a 2xx (undefined for a status that has no body), with each of the `required`
 * fields (dotted paths) a non-empty string. An empty or malformed body, or a missing field, is an
 * InvalidResponseError rather than a raw SyntaxError or a half-built result: the provider acted, so
 * it is not retried. No `cause`: V8's SyntaxError quotes the start of the body, which may echo a
 * credential.
 */
export function parseSuccessBody(provider: string, exchange: Exchange, required?: readonly string[]): unknown {
  const { response, text, meta } = exchange;
  let data: unknown;
  let what: string | undefined;
  try {
    // A status that has no body (204, 205, 304) is data-less; any other needs JSON.
    const { status } = response;
    data = status === 204 || status === 205 || status === 304 ? undefined : JSON.parse(text);
  } catch {
    what = text.trim() ? "a body that is not valid JSON" : "an empty body";
  }
  const missing = what
    ? undefined
    : // `a|b.c`: either is enough (a session's link can sit in one of two places).
      required?.find((field) =>
        field.split("|").every((path) => {
          const value = path
            .split(".")
            .reduce<unknown>((at, key) => (at as Record<string, unknown> | null)?.[key], data);
          return typeof value !== "string" || value === "";
        }),
      );
  if (what || missing) {
    const body = what ? redactText(text.slice(0, 1000), meta.secrets) : redactValue(data, meta.secrets);
    throw invalidResponse(provider, exchange, body, what ?? `no \`${missing?.replaceAll("|", "` or `")}\``);
  }
  return data;
}

/** "<provider> responded <status> with <what>", carrying the call's facts, credentials redacted. */
function invalidResponse(provider: string, { response, headers, meta }: Exchange, body: unknown, what: string) {
  const { status } = response;
  const message = `${provider} responded ${status} with ${what}`;
  return apiErrorFor(status, body, headers, { provider, ...meta }, InvalidResponseError, message);
}

/// <reference types="node" />
// The Node types are referenced here only: the rest of core is web-only and must stay so (this file is
// reachable solely through the `@verifetch/core/node` entry, never from index.ts).
//
// An opt-in `fetch` on node:http/node:https keep-alive agents (issue 7, item 3). undici's fetch
// pays for WHATWG machinery on every call; Node's own HTTP client is the path the official
// provider SDKs (axios) take. This keeps fetch's observable contract where our transport relies on
// it: a real `Response` with a streamed body, rejection with the signal's reason on abort,
// `TypeError("fetch failed", { cause })` carrying Node's error (so its `code`, e.g. ECONNREFUSED,
// is found through `cause`), a body stream that errors when the connection drops, transparent
// gzip/deflate/br decoding, and fetch's redirect rules.
import {
  type AgentOptions,
  type ClientRequest,
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingMessage,
} from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { pipeline, type Readable, Transform, type TransformCallback } from "node:stream";
import { constants, createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from "node:zlib";

/** Connection pooling of a {@link createNodeFetch} transport. Every field is optional. */
export interface NodeFetchOptions {
  /** Most sockets open at once per host (default: unlimited, as with the global fetch). */
  maxSockets?: number;
  /** Most idle sockets kept open per host (default 256, Node's default). */
  maxFreeSockets?: number;
  /** Initial delay of TCP keep-alive probes on pooled sockets, in ms (default 1000). */
  keepAliveMsecs?: number;
  /**
   * How long an idle pooled socket is kept, in ms (default 4000). Below the 5 s idle timeout of
   * common servers, so the client closes first instead of reusing a socket the server is closing;
   * a server's `Keep-Alive: timeout=N` hint shortens it further.
   */
  idleTimeoutMs?: number;
}

/**
 * A `fetch` for provider clients built on Node's HTTP client, with its own connection pools. The
 * call signature is core's `FetchLike`, written out so this entry shares no declaration chunk with
 * the main one.
 */
export type NodeFetch = ((request: Request) => Promise<Response>) & {
  /** Closes every pooled socket; requests still in flight fail. The transport stays usable. */
  destroy(): void;
};

/** Statuses whose responses have no body (the Response constructor refuses one). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** fetch's limit (WHATWG Fetch, HTTP-redirect fetch step 8). */
const MAX_REDIRECTS = 20;
/** Sent on a cross-origin redirect by neither fetch nor this transport. */
const CROSS_ORIGIN_DROPPED = ["authorization", "proxy-authorization", "cookie", "host"];
/** Dropped with the body when a redirect turns the request into a GET. */
const BODY_HEADERS = ["content-encoding", "content-language", "content-location", "content-type", "content-length"];
const ZLIB_LENIENT = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };
const BROTLI_LENIENT = {
  flush: constants.BROTLI_OPERATION_FLUSH,
  finishFlush: constants.BROTLI_OPERATION_FLUSH,
};

/**
 * Creates a `fetch` on node:http/node:https keep-alive agents, for a provider client on Node:
 *
 * ```ts
 * import { createComplyCube } from "@verifetch/complycube";
 * import { createNodeFetch } from "@verifetch/core/node";
 *
 * const complycube = createComplyCube({ apiKey, fetch: createNodeFetch({ maxSockets: 32 }) });
 * ```
 *
 * Create one per client and keep it: each holds its own connection pools (one agent per
 * protocol), which is what makes it fast. Idle sockets never keep the process alive; call
 * `destroy()` to close them early.
 *
 * Behaviour, where it matters, is the global fetch's:
 * - `request.signal` aborts at any point (before sending, while waiting for the response, while the
 *   body is read): the promise rejects, or the body stream errors, with the signal's reason, and the
 *   socket is destroyed.
 * - Failures before a response reject with `TypeError("fetch failed")` whose `cause` is Node's
 *   error, `code` included (ECONNREFUSED, ENOTFOUND, ECONNRESET…); a connection lost mid-body errors
 *   the body stream with `TypeError("terminated")` and the same kind of `cause`.
 * - The Response is a real WHATWG `Response`: status, statusText, every header value (repeated
 *   headers such as Set-Cookie kept apart), a streamed body, a null body for 204/205/304 and HEAD,
 *   `url` and `redirected` set. A gzip, x-gzip, deflate or br `Content-Encoding` is decoded (the
 *   header itself is kept, as fetch does); `Accept-Encoding: gzip, deflate, br` and `Accept: *\/*`
 *   are sent unless the request sets them.
 * - Request bodies: a body that is one chunk (a string, ArrayBuffer or typed array, which is what
 *   verifetch's transport sends) goes out with `Content-Length`; a stream of several chunks is sent
 *   as it arrives with chunked transfer encoding.
 * - Redirects follow `request.redirect` as fetch does: `"follow"` (the default) follows up to 20
 *   (301/302 turn a POST into a body-less GET, 303 turns anything but GET/HEAD into one, 307/308
 *   resend method and body; Authorization, Proxy-Authorization, Cookie and Host are dropped when the
 *   origin changes; a streamed body cannot be resent, so that redirect fails); `"manual"` returns
 *   the 3xx response itself (like Node's fetch, not an opaque one); `"error"` rejects.
 *
 * Not supported (use the global fetch for these): proxies from the environment, HTTP/2, `file:`
 * and `data:` URLs, request `cache`/`credentials`/`mode` (meaningless on a server).
 */
export function createNodeFetch(options: NodeFetchOptions = {}): NodeFetch {
  const agentOptions: AgentOptions = {
    keepAlive: true,
    keepAliveMsecs: options.keepAliveMsecs ?? 1000,
    maxSockets: options.maxSockets ?? Number.POSITIVE_INFINITY,
    maxFreeSockets: options.maxFreeSockets ?? 256,
    // On a keep-alive agent this is the idle limit of pooled sockets (the agent destroys free sockets
    // that time out; a busy socket's timeout is left to the caller's signal).
    timeout: options.idleTimeoutMs ?? 4000,
    // Reuse the most recently used socket: the one least likely to have been closed by the server.
    scheduling: "lifo",
  };
  const agents = { http: new HttpAgent(agentOptions), https: new HttpsAgent(agentOptions) };

  const nodeFetch = async (request: Request): Promise<Response> => {
    const { signal } = request;
    signal.throwIfAborted();
    let url = new URL(request.url);
    let method = request.method;
    const headers = outgoingHeaders(request.headers);
    let body = await outgoingBody(request, signal);
    let redirected = false;
    for (let redirects = 0; ; redirects++) {
      const response = await exchange(agents, url, method, headers, body, signal);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (!REDIRECT_STATUSES.has(status) || request.redirect === "manual" || location === undefined) {
        const head = responseHead(response);
        let stream: ReadableStream<Uint8Array> | null = null;
        if (!hasBody(status, method)) {
          await drained(response, signal);
        } else {
          stream = responseBody(response, signal);
        }
        return toResponse(head, stream, url, redirected);
      }
      if (request.redirect === "error") {
        response.destroy();
        throw fetchFailed(new Error(`unexpected redirect (${status}) to ${location}`));
      }
      await drained(response, signal);
      if (redirects >= MAX_REDIRECTS) throw fetchFailed(new Error("redirect count exceeded"));
      const next = parseUrl(location, url);
      if (next.hash === "") next.hash = url.hash;
      if (
        (status === 303 && method !== "GET" && method !== "HEAD") ||
        ((status === 301 || status === 302) && method === "POST")
      ) {
        method = "GET";
        body = undefined;
        for (const name of BODY_HEADERS) delete headers[name];
      } else if (body?.rest) {
        throw fetchFailed(new Error(`a streamed request body cannot be sent again to follow a ${status} redirect`));
      }
      if (next.origin !== url.origin) for (const name of CROSS_ORIGIN_DROPPED) delete headers[name];
      url = next;
      redirected = true;
    }
  };
  return Object.assign(nodeFetch, {
    destroy: () => {
      agents.http.destroy();
      agents.https.destroy();
    },
  });
}

/** A request body: its first chunks, then the rest of the stream when there is more than one. */
interface OutgoingBody {
  chunks: Uint8Array[];
  rest: ReadableStreamDefaultReader<Uint8Array> | undefined;
}

/**
 * Reads up to two chunks to tell a buffered body (one chunk: send with Content-Length, resendable on
 * a redirect) from a real stream (send chunked as it arrives).
 */
async function outgoingBody(request: Request, signal: AbortSignal): Promise<OutgoingBody | undefined> {
  if (request.body === null) return undefined;
  const reader = request.body.getReader();
  const firstTwo = async (): Promise<OutgoingBody> => {
    const first = await reader.read();
    if (first.done) return { chunks: [], rest: undefined };
    const second = await reader.read();
    if (second.done) return { chunks: [bytes(first.value)], rest: undefined };
    return { chunks: [bytes(first.value), bytes(second.value)], rest: reader };
  };
  return untilAborted(firstTwo(), signal, () => {
    reader.cancel(signal.reason).catch(() => undefined);
  });
}

function bytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  throw new TypeError("a request body stream must yield Uint8Array chunks");
}

function outgoingHeaders(source: Headers): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of source) headers[name] = value;
  headers.accept ??= "*/*";
  headers["accept-encoding"] ??= "gzip, deflate, br";
  return headers;
}

/** Sends one request and resolves with the response head (its body not yet read). */
function exchange(
  agents: { http: HttpAgent; https: HttpsAgent },
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: OutgoingBody | undefined,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return Promise.reject(fetchFailed(new Error(`unsupported URL scheme ${url.protocol}`)));
  }
  return new Promise<IncomingMessage>((resolve, reject) => {
    const secure = url.protocol === "https:";
    const head = { ...headers };
    if (body === undefined) {
      // fetch sends a zero length for body-less POST and PUT (WHATWG Fetch, HTTP-network-or-cache fetch).
      if (method === "POST" || method === "PUT") head["content-length"] = "0";
    } else if (body.rest === undefined) {
      head["content-length"] = String(body.chunks[0]?.byteLength ?? 0);
    } else {
      delete head["content-length"];
      head["transfer-encoding"] = "chunked";
    }
    let outgoing: ClientRequest;
    try {
      outgoing = (secure ? httpsRequest : httpRequest)({
        protocol: url.protocol,
        // URL keeps IPv6 literals bracketed; Node wants them bare.
        hostname: url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        headers: head,
        agent: secure ? agents.https : agents.http,
      });
    } catch (error) {
      // Node refuses some things synchronously (a header value it will not send, a bad method).
      void body?.rest?.cancel(error).catch(() => undefined);
      reject(fetchFailed(error));
      return;
    }
    let settled = false;
    const settle = () => {
      settled = true;
      signal.removeEventListener("abort", onAbort);
    };
    const onAbort = () => {
      if (settled) return;
      settle();
      outgoing.destroy();
      void body?.rest?.cancel(signal.reason).catch(() => undefined);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    // Kept for the request's lifetime: an 'error' without a listener would crash the process.
    outgoing.on("error", (error) => {
      if (settled) return;
      settle();
      void body?.rest?.cancel(error).catch(() => undefined);
      reject(fetchFailed(error));
    });
    outgoing.on("response", (response) => {
      if (settled) {
        response.destroy();
        return;
      }
      settle();
      resolve(response);
    });
    if (body === undefined) {
      outgoing.end();
    } else if (body.rest === undefined) {
      outgoing.end(body.chunks[0]);
    } else {
      pump(outgoing, body.chunks, body.rest).catch((error: unknown) => outgoing.destroy(asError(error)));
    }
  });
}

/** Writes a streamed request body, waiting for the socket to drain when it is full. */
async function pump(
  outgoing: ClientRequest,
  first: Uint8Array[],
  rest: ReadableStreamDefaultReader<Uint8Array>,
): Promise<void> {
  const write = async (chunk: Uint8Array) => {
    if (outgoing.write(chunk)) return;
    // A destroyed request (aborted, connection lost) never drains.
    await new Promise((resolve) => {
      outgoing.once("drain", resolve);
      outgoing.once("close", resolve);
    });
  };
  for (const chunk of first) await write(chunk);
  for (;;) {
    if (outgoing.destroyed) {
      await rest.cancel();
      return;
    }
    const next = await rest.read();
    if (next.done) break;
    await write(bytes(next.value));
  }
  if (!outgoing.destroyed) outgoing.end();
}

/** The status line and headers of a response, as a Response takes them; refuses what fetch refuses. */
function responseHead(incoming: IncomingMessage): ResponseInit & { status: number; headers: Headers } {
  const status = incoming.statusCode ?? 0;
  if (status < 200 || status > 599) {
    incoming.destroy();
    throw fetchFailed(new Error(`invalid response status ${status}`));
  }
  const headers = new Headers();
  const raw = incoming.rawHeaders;
  try {
    for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string);
  } catch (error) {
    incoming.destroy();
    throw fetchFailed(error);
  }
  return { status, statusText: incoming.statusMessage ?? "", headers };
}

/** The WHATWG Response, with the `url` (no fragment) and `redirected` fetch would give it. */
function toResponse(
  head: ResponseInit,
  body: ReadableStream<Uint8Array> | null,
  url: URL,
  redirected: boolean,
): Response {
  let response: Response;
  try {
    response = new Response(body, head);
  } catch {
    // A status text that is not a valid reason phrase; the status and body still matter.
    response = new Response(body, { ...head, statusText: "" });
  }
  const href = url.href;
  const fragmentAt = href.indexOf("#");
  Object.defineProperty(response, "url", { value: fragmentAt === -1 ? href : href.slice(0, fragmentAt) });
  if (redirected) Object.defineProperty(response, "redirected", { value: true });
  return response;
}

function hasBody(status: number, method: string): boolean {
  return !NULL_BODY_STATUSES.has(status) && method !== "HEAD";
}

/**
 * Reads and discards a body nobody will see (a redirect's, or the nothing after a 204), so the
 * socket goes back to the pool before the next request is sent. A body that breaks only costs the
 * socket; the signal still aborts the wait.
 */
function drained(incoming: IncomingMessage, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = () => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    };
    const onAbort = () => {
      incoming.destroy();
      reject(signal.reason);
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    incoming.once("end", done);
    incoming.once("close", done);
    incoming.on("error", () => undefined);
    incoming.resume();
  });
}

/**
 * The body of a response as a byte stream: decoded, paused while the consumer is not reading,
 * errored when the connection drops or the signal aborts, destroying the socket when cancelled.
 */
function responseBody(incoming: IncomingMessage, signal: AbortSignal): ReadableStream<Uint8Array> {
  const source = decoded(incoming);
  let finished = false;
  /** The message ended; the stream closes once the caller has taken what is queued. */
  let ended = false;
  let controller: ReadableStreamDefaultController<Uint8Array>;
  const close = () => {
    finish();
    controller.close();
  };
  const finish = () => {
    finished = true;
    signal.removeEventListener("abort", onAbort);
  };
  const fail = (reason: unknown) => {
    if (finished) return;
    finish();
    controller.error(reason);
    source.destroy();
    incoming.destroy();
  };
  const onAbort = () => fail(signal.reason);
  return new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      if (signal.aborted) return onAbort();
      signal.addEventListener("abort", onAbort, { once: true });
      source.on("data", (chunk: Buffer) => {
        if (finished) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) source.pause();
      });
      source.once("end", () => {
        if (finished) return;
        ended = true;
        // Until the last chunk is taken, an abort can still error the body, as with fetch.
        if ((controller.desiredSize ?? 0) > 0) close();
      });
      source.on("error", (error) => fail(new TypeError("terminated", { cause: error })));
      // A socket closed before the message completed, reported without an 'error' on some paths.
      source.once("close", () => {
        if (!finished && !ended && !incoming.complete)
          fail(new TypeError("terminated", { cause: new Error("other side closed") }));
      });
    },
    pull() {
      if (finished) return;
      if (ended) close();
      else source.resume();
    },
    cancel() {
      if (finished) return;
      finish();
      source.destroy();
      incoming.destroy();
    },
  });
}

/** The response body with its Content-Encoding undone, as fetch does (unknown codings: as sent). */
function decoded(incoming: IncomingMessage): Readable {
  const header = incoming.headers["content-encoding"];
  if (!header) return incoming;
  const decoders: NodeJS.ReadWriteStream[] = [];
  // Codings are listed in the order they were applied; undo them last first.
  for (const coding of header.toLowerCase().split(",").reverse()) {
    const name = coding.trim();
    if (name === "gzip" || name === "x-gzip") decoders.push(createGunzip(ZLIB_LENIENT));
    else if (name === "deflate") decoders.push(new DeflateDecoder());
    else if (name === "br") decoders.push(createBrotliDecompress(BROTLI_LENIENT));
    else if (name !== "identity" && name !== "") return incoming;
  }
  if (decoders.length === 0) return incoming;
  const last = decoders[decoders.length - 1] as unknown as Readable;
  // pipeline() destroys every stage when one fails; the error also reaches `last`, which the body watches.
  pipeline([incoming, ...decoders], () => undefined);
  return last;
}

/**
 * `deflate` as fetch decodes it: zlib-wrapped (RFC 1950) as the standard says, or raw (RFC 1951),
 * which some servers send, told apart by the first byte.
 */
class DeflateDecoder extends Transform {
  #inflate: Transform | undefined;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.#inflate === undefined) {
      const wrapped = ((chunk[0] ?? 0) & 0x0f) === 0x08;
      const inflate = wrapped ? createInflate(ZLIB_LENIENT) : createInflateRaw(ZLIB_LENIENT);
      inflate.on("data", (data: Buffer) => this.push(data));
      inflate.on("error", (error) => this.destroy(error));
      this.#inflate = inflate;
    }
    this.#inflate.write(chunk, () => callback());
  }

  override _flush(callback: TransformCallback): void {
    const inflate = this.#inflate;
    if (inflate === undefined) {
      callback();
      return;
    }
    inflate.once("end", () => callback());
    inflate.end();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#inflate?.destroy();
    callback(error);
  }
}

function parseUrl(location: string, base: URL): URL {
  let next: URL;
  try {
    next = new URL(location, base);
  } catch (error) {
    throw fetchFailed(error);
  }
  if (next.protocol !== "http:" && next.protocol !== "https:") {
    throw fetchFailed(new Error(`redirect to an unsupported URL scheme ${next.protocol}`));
  }
  return next;
}

/**
 * Rejects with the signal's reason as soon as it aborts, whatever `promise` is waiting on;
 * `cancel` stops that work.
 */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal, cancel: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      cancel();
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        if (signal.aborted) onAbort();
        else resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(signal.aborted ? signal.reason : error);
      },
    );
  });
}

/** The error fetch rejects with for a network failure, with Node's error (and its `code`) as cause. */
function fetchFailed(cause: unknown): TypeError {
  return new TypeError("fetch failed", { cause });
}

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

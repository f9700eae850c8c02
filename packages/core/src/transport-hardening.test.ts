// The transport and the operation caller under hostile responses and careless input: credentials
// echoed in headers, stalled or fake responses, bad path parameters, headers and bodies HTTP or
// JSON cannot carry, timer overflows, and whether an error says it is safe to send again.

import { getEventListeners } from "node:events";
import { inspect } from "node:util";
import { describe, expect, it, vi } from "vitest";
import { systemClock } from "./clock.ts";
import {
  AbortError,
  ConfigurationError,
  InputValidationError,
  InternalServerError,
  InvalidResponseError,
  RateLimitError,
  TimeoutError,
  VerifetchError,
} from "./error-classes.ts";
import { idempotencyKeys } from "./idempotency-keys.ts";
import { openApiClientOf } from "./openapi-client.ts";
import { operationCaller } from "./operation-call.ts";
import { failedBeforeSending } from "./retry-policy.ts";
import { createTransport, type ProviderClientOptions } from "./transport-create.ts";
import type { CallOptions } from "./transport-types.ts";

interface Paths {
  "/things": {
    post: {
      requestBody: { content: { "application/json": Record<string, unknown> } };
      responses: { 200: { content: { "application/json": { url: string; session: { id: string } } } } };
    };
  };
  "/things/{id}": {
    get: {
      parameters: { path: { id: string } };
      responses: { 200: { content: { "application/json": { id: string } } } };
    };
  };
}

const KEY = "sk_live_supersecret_0123";
const immediate = { now: () => 0, random: () => 0, sleep: async () => undefined };

function api(
  fetch: (request: Request) => Promise<Response>,
  options: ProviderClientOptions = {},
  { idempotencyHeader, key = KEY }: { idempotencyHeader?: string; key?: string } = {},
) {
  const owner = {};
  const transport = createTransport(owner, {
    packageName: "acme",
    version: "1.0.0",
    baseUrl: "https://api.acme.test",
    authenticate: (request) => {
      request.headers.set("X-API-Key", key);
      return [key];
    },
    ...(idempotencyHeader
      ? { idempotency: idempotencyKeys(idempotencyHeader, 255) }
      : { notSent: failedBeforeSending }),
    options: { fetch, clock: immediate, ...options },
  });
  const call = operationCaller<Paths>(transport);
  return {
    create: (body: Record<string, unknown> = { name: "x" }, options?: CallOptions) =>
      call("post", "/things", { body }, options, ["url", "session.id"]),
    get: (id: unknown, options?: CallOptions) =>
      call("get", "/things/{id}", { params: { path: { id: id as string } } }, options),
    openapi: openApiClientOf<Paths>(owner),
  };
}

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );
const surfaces = (error: unknown) =>
  [
    String(error),
    JSON.stringify(error),
    inspect(error, { depth: 10, showHidden: true }),
    inspect(error, { depth: 10, showHidden: true, getters: true }),
  ].join("\n");

describe("credentials echoed by the provider", () => {
  const echoing = (status: number, body = "{}") =>
    vi.fn(async (request: Request) => {
      const key = request.headers.get("X-API-Key") ?? "";
      return new Response(body, {
        status,
        headers: { "content-type": "application/json", "x-request-id": key, "x-echo": `key=${key}`, location: key },
      });
    });

  it.each([400, 401, 404, 429, 500, 503])(
    "%i: response headers and requestId are redacted under inspect, String and JSON",
    async (status) => {
      const error = await caught(api(echoing(status), { maxRetries: 0 }).get("t1"));
      expect(VerifetchError.isInstance(error)).toBe(true);
      expect((error as { requestId?: string }).requestId).toBe("***");
      expect((error as { headers: Headers }).headers.get("x-echo")).toBe("key=***");
      expect(surfaces(error)).not.toContain(KEY);
    },
  );

  it("a 2xx that is not JSON, or a session without its URL: redacted too, and no SyntaxError quoting the body", async () => {
    const notJson = await caught(api(echoing(200, KEY.slice(0, 12))).create());
    expect(notJson).toBeInstanceOf(InvalidResponseError);
    expect((notJson as Error).cause).toBeUndefined();
    const noUrl = await caught(api(echoing(200, JSON.stringify({ note: KEY }))).create());
    expect(noUrl).toBeInstanceOf(InvalidResponseError);
    for (const error of [notJson, noUrl]) expect(surfaces(error)).not.toContain(KEY);
  });

  it("through the openapi-fetch client as well: its error body and response headers", async () => {
    const client = api(echoing(500), { maxRetries: 0 });
    const result = await client.openapi.GET("/things/{id}", { params: { path: { id: "t" } } });
    expect(result.response.status).toBe(500);
    expect(`${JSON.stringify(result.error)}\n${[...result.response.headers].join("\n")}`).not.toContain(KEY);
  });

  it("the request id of a success is redacted too", async () => {
    const fetch = vi.fn(async (request: Request) =>
      Response.json(
        { url: "https://x.example", session: { id: "s" } },
        { headers: { "x-request-id": request.headers.get("X-API-Key") ?? "" } },
      ),
    );
    const { getResponseMeta } = await import("./response-meta.ts");
    expect(getResponseMeta(await api(fetch).create())?.requestId).toBe("***");
  });
});

describe("a 2xx that is not what the caller needs", () => {
  it.each([
    ["204", () => new Response(null, { status: 204 }), "url"],
    ["null", () => Response.json(null), "url"],
    ["{}", () => Response.json({}), "url"],
    ["an empty URL", () => Response.json({ url: "", session: { id: "s" } }), "url"],
    ["no nested id", () => Response.json({ url: "https://x.example", session: {} }), "session.id"],
    ["a numeric id", () => Response.json({ url: "https://x.example", session: { id: 7 } }), "session.id"],
  ])("%s is an InvalidResponseError naming the missing field, never undefined", async (_, response, field) => {
    const error = await caught(api(vi.fn(async () => response())).create());
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain(`\`${field}\``);
    expect(error).toMatchObject({ isRetryable: false, isSafeToRetry: false });
  });

  it("a complete session resolves", async () => {
    const session = { url: "https://x.example", session: { id: "s" } };
    expect(await api(vi.fn(async () => Response.json(session))).create()).toEqual(session);
  });
});

describe("path parameters", () => {
  it.each([[undefined], [null], [""], ["   "], [42], [{}], ["."], [".."]])(
    "%j is refused by name before any request",
    async (id) => {
      const fetch = vi.fn(async () => Response.json({ id: "x" }));
      const error = await caught(api(fetch).get(id));
      expect(error).toBeInstanceOf(InputValidationError);
      expect((error as InputValidationError).field).toBe("id");
      expect(fetch).not.toHaveBeenCalled();
    },
  );

  it("anything else is percent-encoded into one segment", async () => {
    const fetch = vi.fn(async (_: Request) => Response.json({ id: "x" }));
    await api(fetch).get("a/../b?c");
    expect(fetch.mock.calls[0]?.[0].url).toBe("https://api.acme.test/things/a%2F..%2Fb%3Fc");
  });
});

describe("values HTTP or JSON cannot carry", () => {
  const never = () => vi.fn(async () => Response.json({ id: "never" }));

  it.each(["key\nInjected: 1", "key\rX", "kéy-✓-0123"])(
    "a credential %j is a ConfigurationError that does not quote it",
    async (key) => {
      const fetch = never();
      const error = await caught(api(fetch, {}, { key }).get("t"));
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(surfaces(error)).not.toContain(key.slice(0, 3));
      expect(fetch).not.toHaveBeenCalled();
    },
  );

  it.each(["k\n1", "ключ", "with space", "", "x".repeat(256), 42])(
    "an idempotency key %j is refused by name",
    async (idempotencyKey) => {
      const fetch = never();
      const client = api(fetch, {}, { idempotencyHeader: "Idempotency-Key" });
      const error = await caught(client.create({}, { idempotencyKey: idempotencyKey as string }));
      expect(error).toBeInstanceOf(InputValidationError);
      expect((error as InputValidationError).field).toBe("idempotencyKey");
      expect(fetch).not.toHaveBeenCalled();
    },
  );

  it("a custom header HTTP cannot carry: refused by name, per call and per client", async () => {
    const fetch = never();
    const error = await caught(api(fetch).get("t", { headers: { "X-Trace": "a\r\nb" } }));
    expect(error).toBeInstanceOf(InputValidationError);
    expect((error as InputValidationError).field).toBe("headers.X-Trace");
    expect(surfaces(error)).not.toContain("a\r\nb");
    expect(() => api(fetch, { headers: { "X-Token": "tökén✓" } })).toThrow(InputValidationError);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("a body JSON cannot represent (BigInt, circular) is refused before any request", async () => {
    const fetch = never();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    for (const body of [{ n: 10n }, circular]) {
      const error = await caught(api(fetch).create(body));
      expect(error).toBeInstanceOf(InputValidationError);
      expect((error as InputValidationError).field).toBe("body");
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it.each([[undefined], [null], [{}], ["ok"], [{ status: 200 }]])(
    "a custom fetch resolving to %j is a ConfigurationError naming the option",
    async (value) => {
      const error = await caught(api(vi.fn(async () => value as unknown as Response)).get("t"));
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).option).toBe("fetch");
    },
  );
});

describe("time limits", () => {
  it.each([2 ** 31, Number.MAX_SAFE_INTEGER, Number.POSITIVE_INFINITY])(
    "timeoutMs %d means no limit: the response is waited for, not timed out after 1 ms",
    async (timeoutMs) => {
      // Honours the signal as fetch does: an overflowing timer would abort it after about 1 ms.
      const fetch = vi.fn(
        (request: Request) =>
          new Promise<Response>((resolve, reject) => {
            request.signal.addEventListener("abort", () => reject(request.signal.reason));
            setTimeout(() => resolve(Response.json({ id: "t" })), 30);
          }),
      );
      expect(await api(fetch, { timeoutMs, deadlineMs: timeoutMs }).get("t")).toEqual({ id: "t" });
      expect(fetch).toHaveBeenCalledTimes(1);
    },
  );

  it("a Retry-After beyond the longest timer is not slept (which would fire at once): RateLimitError", async () => {
    const sleep = vi.fn(async () => undefined);
    const fetch = vi.fn(async () => Response.json({}, { status: 429, headers: { "Retry-After": String(2 ** 31) } }));
    const error = await caught(
      api(fetch, { maxRetryWaitMs: Number.MAX_SAFE_INTEGER, clock: { ...immediate, sleep } }).get("t"),
    );
    expect(error).toBeInstanceOf(RateLimitError);
    expect(sleep).not.toHaveBeenCalled();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("maxRetryWaitMs caps every wait, the backoff after a connection failure included", async () => {
    const sleep = vi.fn(async () => undefined);
    const refused = vi.fn(async () => {
      throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    });
    await caught(api(refused, { maxRetryWaitMs: 100, clock: { ...immediate, sleep } }).get("t"));
    expect(refused).toHaveBeenCalledTimes(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it("a stalled body from a custom fetch (which ignores the signal) times out, and the caller's signal stops it", async () => {
    const stalled = () =>
      vi.fn(async () => new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode("{")) })));
    const timedOut = await caught(api(stalled(), { timeoutMs: 30, maxRetries: 0 }).get("t"));
    expect(timedOut).toBeInstanceOf(TimeoutError);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const aborted = await caught(api(stalled(), { maxRetries: 0 }).get("t", { signal: controller.signal }));
    expect(aborted).toBeInstanceOf(AbortError);
  });

  it("a custom fetch that never settles and ignores the signal still times out", async () => {
    const fetch = vi.fn(() => new Promise<Response>(() => undefined));
    const error = await caught(api(fetch, { timeoutMs: 30, maxRetries: 1 }).get("t"));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

describe("listeners", () => {
  it("the real clock's sleep removes its abort listener once it has waited", async () => {
    const controller = new AbortController();
    for (let i = 0; i < 50; i++) await systemClock.sleep(0, controller.signal);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("calls with retries leave no listener on the caller's long-lived signal", async () => {
    const controller = new AbortController();
    const fetch = vi.fn(async () => Response.json({}, { status: 503, headers: { "retry-after-ms": "0" } }));
    const client = api(fetch, { clock: { ...systemClock }, maxRetries: 3 });
    for (let i = 0; i < 25; i++) await caught(client.get("t", { signal: controller.signal }));
    expect(fetch).toHaveBeenCalledTimes(100);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});

describe("isSafeToRetry: sending the same request again cannot act twice", () => {
  const fiveHundred = () => vi.fn(async () => Response.json({ message: "boom" }, { status: 500 }));

  it("a 5xx on a create without idempotency key is transient but not safe to repeat", async () => {
    const error = await caught(api(fiveHundred()).create());
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ isRetryable: true, isSafeToRetry: false });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ isRetryable: true, isSafeToRetry: false });
  });

  it("a 5xx is safe to repeat for a GET, and for a create that carries an honoured idempotency key", async () => {
    expect(await caught(api(fiveHundred(), { maxRetries: 0 }).get("t"))).toMatchObject({ isSafeToRetry: true });
    const keyed = api(fiveHundred(), { maxRetries: 0 }, { idempotencyHeader: "Idempotency-Key" });
    expect(await caught(keyed.create())).toMatchObject({ isSafeToRetry: true, idempotencyKey: expect.any(String) });
  });

  it("a 429 is safe (nothing was done); a 4xx, an abort and bad input are not worth repeating", async () => {
    const limited = vi.fn(async () => Response.json({}, { status: 429, headers: { "Retry-After": "3600" } }));
    expect(await caught(api(limited).create())).toMatchObject({ isRetryable: true, isSafeToRetry: true });
    const bad = vi.fn(async () => Response.json({}, { status: 400 }));
    expect(await caught(api(bad).get("t"))).toMatchObject({ isRetryable: false, isSafeToRetry: false });
    expect(await caught(api(bad).get(""))).toMatchObject({ isSafeToRetry: false });
    const aborted = await caught(api(bad).get("t", { signal: AbortSignal.abort() }));
    expect(aborted).toMatchObject({ isRetryable: false, isSafeToRetry: false });
  });

  it("a timeout or reset: safe for a GET, not for a create that may have arrived; a refused connection is safe", async () => {
    const reset = () =>
      vi.fn(async () => {
        throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } });
      });
    expect(await caught(api(reset(), { maxRetries: 0 }).get("t"))).toMatchObject({ isSafeToRetry: true });
    expect(await caught(api(reset()).create())).toMatchObject({ isRetryable: true, isSafeToRetry: false });
    const refused = vi.fn(async () => {
      throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    });
    expect(await caught(api(refused, { maxRetries: 0 }).create())).toMatchObject({ isSafeToRetry: true });
  });
});

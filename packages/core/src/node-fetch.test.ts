// node-fetch against real local node:http servers (127.0.0.1, free ports, always closed).
import { execFileSync } from "node:child_process";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { createNodeFetch, type NodeFetch } from "./node-fetch.ts";
import { errorCodes, failedBeforeSending } from "./retry-policy.ts";

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
  socket: Socket;
}

interface TestServer {
  url: string;
  received: Received[];
  /** Connections accepted so far. */
  connections: () => number;
  /** Resolves when the server has seen `count` connections close. */
  closed: (count: number) => Promise<void>;
}

const servers: Server[] = [];
const transports: NodeFetch[] = [];

afterEach(async () => {
  for (const transport of transports.splice(0)) transport.destroy();
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

/** Starts a server whose handler sees each request with its body already read. */
async function serve(handler: (request: Received, response: ServerResponse) => void): Promise<TestServer> {
  const received: Received[] = [];
  let connections = 0;
  let closes = 0;
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const seen = {
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        socket: request.socket,
      };
      received.push(seen);
      handler(seen, response);
    });
  });
  server.on("connection", (socket: Socket) => {
    connections++;
    socket.on("close", () => {
      closes++;
      for (const waiter of waiters.filter((w) => closes >= w.count)) waiter.resolve();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    connections: () => connections,
    closed: (count) =>
      closes >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve })),
  };
}

function transport(options?: Parameters<typeof createNodeFetch>[0]): NodeFetch {
  const created = createNodeFetch(options);
  transports.push(created);
  return created;
}

/** Settles `promise` into its error (or fails the test when it resolves). */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${String(value)}`);
    },
    (error: unknown) => error,
  );
}

/** A promise that rejects if `promise` takes longer than `ms` (bounds every wait in these tests). */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result within ${ms} ms`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

describe("createNodeFetch: requests and responses", () => {
  it("sends method, path, query and headers, and returns status, statusText, every header value and the body", async () => {
    const server = await serve((_, response) => {
      response.statusMessage = "Created Here";
      response.setHeader("Set-Cookie", ["a=1; Path=/", "b=2; Path=/"]);
      response.setHeader("X-Multi", ["one", "two"]);
      response.writeHead(201, { "content-type": "application/json" });
      response.end('{"ok":true}');
    });
    const response = await transport()(
      new Request(`${server.url}/v1/things?page=2&q=a%20b#frag`, {
        method: "PATCH",
        headers: { "X-Custom": "yes", Authorization: "secret" },
        body: "{}",
      }),
    );
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(201);
    expect(response.statusText).toBe("Created Here");
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(response.headers.get("x-multi")).toBe("one, two");
    expect(response.url).toBe(`${server.url}/v1/things?page=2&q=a%20b`);
    expect(response.redirected).toBe(false);
    expect(await response.json()).toEqual({ ok: true });
    const [seen] = server.received;
    expect(seen).toMatchObject({ method: "PATCH", url: "/v1/things?page=2&q=a%20b", body: "{}" });
    expect(seen?.headers).toMatchObject({
      "x-custom": "yes",
      authorization: "secret",
      accept: "*/*",
      "accept-encoding": "gzip, deflate, br",
      "content-length": "2",
      "content-type": "text/plain;charset=UTF-8",
    });
  });

  it("sends an ArrayBuffer body (what verifetch's transport sends) with Content-Length, and body-less POSTs with 0", async () => {
    const server = await serve((_, response) => response.end("ok"));
    const send = transport();
    const bytes = new TextEncoder().encode('{"name":"Zoë"}');
    await send(
      new Request(server.url, { method: "POST", body: bytes.buffer, headers: { "content-type": "application/json" } }),
    );
    await send(new Request(server.url, { method: "POST" }));
    await send(new Request(server.url, { method: "DELETE" }));
    expect(server.received.map((r) => [r.method, r.headers["content-length"], r.body])).toEqual([
      ["POST", String(bytes.byteLength), '{"name":"Zoë"}'],
      ["POST", "0", ""],
      ["DELETE", undefined, ""],
    ]);
    expect(server.received[0]?.headers["transfer-encoding"]).toBeUndefined();
  });

  it("streams a stream body of several chunks with chunked transfer encoding", async () => {
    const server = await serve((request, response) => response.end(request.body.toUpperCase()));
    const encoder = new TextEncoder();
    const parts = ["first,", "second,", "third"];
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const part = parts.shift();
        if (part === undefined) return controller.close();
        await new Promise((resolve) => setTimeout(resolve, 5));
        controller.enqueue(encoder.encode(part));
      },
    });
    const response = await transport()(
      new Request(server.url, { method: "PUT", body, duplex: "half" } as RequestInit & { duplex: "half" }),
    );
    expect(await response.text()).toBe("FIRST,SECOND,THIRD");
    expect(server.received[0]?.headers).toMatchObject({ "transfer-encoding": "chunked" });
    expect(server.received[0]?.headers["content-length"]).toBeUndefined();
  });

  it("streams the response body as it arrives", async () => {
    let finish: () => void = () => undefined;
    const server = await serve((_, response) => {
      response.writeHead(200, { "content-type": "text/plain" });
      response.write("part one;");
      finish = () => response.end("part two");
    });
    const response = await transport()(new Request(server.url));
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    const first = await within(2000, reader.read());
    expect(decoder.decode(first.value)).toBe("part one;");
    finish();
    let rest = "";
    for (let next = await reader.read(); !next.done; next = await reader.read()) rest += decoder.decode(next.value);
    expect(rest).toBe("part two");
  });

  it.each([
    ["GET", 204],
    ["GET", 304],
    ["HEAD", 200],
  ])("%s answered %i has a null body, and the socket is reused", async (method, status) => {
    const server = await serve((_, response) => {
      response.writeHead(status, { "content-length": method === "HEAD" ? "5" : "0" });
      response.end();
    });
    const send = transport();
    const response = await send(new Request(server.url, { method }));
    expect(response.status).toBe(status);
    expect(response.body).toBeNull();
    await send(new Request(server.url, { method }));
    expect(server.connections()).toBe(1);
  });

  it("rejects a request to a URL that is neither http nor https like fetch does", async () => {
    const error = await failure(transport()(new Request("ftp://127.0.0.1/file")));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe("fetch failed");
  });
});

describe("createNodeFetch: connections", () => {
  it("keeps one connection alive across sequential requests", async () => {
    const server = await serve((_, response) => response.end("ok"));
    const send = transport();
    for (let i = 0; i < 5; i++) expect(await (await send(new Request(server.url))).text()).toBe("ok");
    expect(server.connections()).toBe(1);
  });

  it("opens at most maxSockets connections", async () => {
    const server = await serve((_, response) => setTimeout(() => response.end("ok"), 20));
    const send = transport({ maxSockets: 2 });
    const texts = await Promise.all(
      Array.from({ length: 6 }, () => send(new Request(server.url)).then((r) => r.text())),
    );
    expect(texts).toEqual(Array(6).fill("ok"));
    expect(server.connections()).toBe(2);
  });

  it("closes idle sockets after idleTimeoutMs, but never a socket still waiting for its response", async () => {
    const server = await serve((_, response) => setTimeout(() => response.end("slow"), 250));
    const send = transport({ idleTimeoutMs: 100 });
    expect(await (await send(new Request(server.url))).text()).toBe("slow");
    await within(2000, server.closed(1));
  });

  it("destroy() closes pooled sockets", async () => {
    const server = await serve((_, response) => response.end("ok"));
    const send = transport();
    await (await send(new Request(server.url))).text();
    send.destroy();
    await within(2000, server.closed(1));
  });
});

describe("createNodeFetch: cancellation", () => {
  it("an already aborted signal rejects with its reason and sends nothing", async () => {
    const server = await serve((_, response) => response.end("ok"));
    const reason = new Error("caller gave up");
    const error = await failure(transport()(new Request(server.url, { signal: AbortSignal.abort(reason) })));
    expect(error).toBe(reason);
    expect(server.connections()).toBe(0);
  });

  it("aborting while waiting for the response rejects with the reason and destroys the socket", async () => {
    const server = await serve(() => undefined);
    const controller = new AbortController();
    const pending = transport()(new Request(server.url, { signal: controller.signal }));
    await within(
      2000,
      waitFor(() => server.received.length === 1),
    );
    const reason = new DOMException("no response within 50 ms", "TimeoutError");
    controller.abort(reason);
    expect(await failure(pending)).toBe(reason);
    await within(2000, server.closed(1));
  });

  it("aborting while the body is read errors the body stream with the reason and destroys the socket", async () => {
    const server = await serve((_, response) => {
      response.writeHead(200, { "content-length": "100" });
      response.write("half");
    });
    const controller = new AbortController();
    const response = await transport()(new Request(server.url, { signal: controller.signal }));
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    const reason = new Error("stop reading");
    controller.abort(reason);
    expect(await failure(reader.read())).toBe(reason);
    await within(2000, server.closed(1));
  });

  it("an abort after the head errors the unread body even when it has fully arrived, as fetch does", async () => {
    const server = await serve((_, response) => response.end('{"whole":true}'));
    const controller = new AbortController();
    const response = await transport()(new Request(server.url, { signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const reason = new Error("too late");
    controller.abort(reason);
    expect(await failure(response.json())).toBe(reason);
  });

  it("aborting while a stream request body is still being produced rejects and cancels the stream", async () => {
    const server = await serve((_, response) => response.end("ok"));
    const cancelled: unknown[] = [];
    const reason = new Error("stop uploading");
    const encoder = new TextEncoder();
    const streamed = (afterChunks: number) =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          if (afterChunks-- > 0) controller.enqueue(encoder.encode("chunk;"));
          // Then never another chunk: the upload stalls until the caller aborts.
        },
        cancel(why) {
          cancelled.push(why);
        },
      });
    const send = transport();
    // Stalls while telling a buffered body from a stream (one chunk came, the second never does)…
    const early = new AbortController();
    const first = send(
      new Request(server.url, {
        method: "POST",
        body: streamed(1),
        duplex: "half",
        signal: early.signal,
      } as RequestInit & {
        duplex: "half";
      }),
    );
    setTimeout(() => early.abort(reason), 20);
    expect(await within(2000, failure(first))).toBe(reason);
    // …and while the request is already streaming to the server.
    const late = new AbortController();
    const second = send(
      new Request(server.url, {
        method: "POST",
        body: streamed(3),
        duplex: "half",
        signal: late.signal,
      } as RequestInit & {
        duplex: "half";
      }),
    );
    setTimeout(() => late.abort(reason), 50);
    expect(await within(2000, failure(second))).toBe(reason);
    expect(cancelled).toEqual([reason, reason]);
    expect(server.received).toHaveLength(0);
  });

  it("cancelling the body destroys the socket instead of reading the rest", async () => {
    const server = await serve((_, response) => {
      response.writeHead(200, { "content-length": "100" });
      response.write("half");
    });
    const response = await transport()(new Request(server.url));
    await response.body?.cancel();
    await within(2000, server.closed(1));
  });
});

describe("createNodeFetch: failures carry Node's error", () => {
  it("a refused connection is TypeError('fetch failed') with ECONNREFUSED as cause, seen as never sent", async () => {
    const server = await serve(() => undefined);
    const closedPort = server.url;
    await new Promise<void>((resolve) => (servers.pop() as Server).close(() => resolve()));
    const error = await failure(transport()(new Request(closedPort)));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe("fetch failed");
    expect(errorCodes(error)).toContain("ECONNREFUSED");
    expect(failedBeforeSending(error)).toBe(true);
  });

  it("an unknown host is ENOTFOUND through the cause, seen as never sent", async () => {
    const error = await failure(transport()(new Request("http://verifetch-test.invalid/")));
    expect(failedBeforeSending(error)).toBe(true);
  });

  it("a connection closed before the response is not mistaken for a failure before sending", async () => {
    const server = await serve((request) => request.socket.destroy());
    const error = await failure(transport()(new Request(server.url, { method: "POST", body: "{}" })));
    expect(error).toBeInstanceOf(TypeError);
    expect(errorCodes(error)).toContain("ECONNRESET");
    expect(failedBeforeSending(error)).toBe(false);
  });

  it("a connection reset mid-body errors the body stream with the Node error as cause", async () => {
    const server = await serve((request, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": "40" });
      response.write('{"id":"sess');
      setTimeout(() => request.socket.destroy(), 10);
    });
    const response = await transport()(new Request(server.url));
    expect(response.status).toBe(200);
    const error = await failure(response.text());
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe("terminated");
    expect(errorCodes(error)).toContain("ECONNRESET");
  });
});

describe("createNodeFetch: content encodings", () => {
  const text = JSON.stringify({ message: "décodé ".repeat(500) });
  const encodings: [string, (input: Buffer) => Buffer][] = [
    ["gzip", gzipSync],
    ["x-gzip", gzipSync],
    ["deflate", deflateSync],
    ["deflate", deflateRawSync],
    ["br", brotliCompressSync],
    ["gzip, br", (input) => brotliCompressSync(gzipSync(input))],
    ["identity", (input) => input],
  ];

  it.each(encodings)("decodes Content-Encoding: %s and keeps the header", async (encoding, encode) => {
    const server = await serve((_, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-encoding": encoding });
      response.end(encode(Buffer.from(text)));
    });
    const response = await transport()(new Request(server.url));
    expect(response.headers.get("content-encoding")).toBe(encoding);
    expect(await response.text()).toBe(text);
  });

  it("passes an unknown coding through untouched, as fetch does", async () => {
    const server = await serve((_, response) => {
      response.writeHead(200, { "content-encoding": "compress" });
      response.end("raw bytes");
    });
    expect(await (await transport()(new Request(server.url))).text()).toBe("raw bytes");
  });

  it("a corrupt gzip body errors the body stream", async () => {
    const server = await serve((_, response) => {
      response.writeHead(200, { "content-encoding": "gzip" });
      response.end("this is not gzip at all");
    });
    const response = await transport()(new Request(server.url));
    expect(await failure(response.text())).toBeInstanceOf(TypeError);
  });
});

describe("createNodeFetch: redirects", () => {
  it("follows 302/303 as fetch does: a POST becomes a body-less GET, and the response says so", async () => {
    const server = await serve((request, response) => {
      if (request.url === "/start") response.writeHead(302, { location: "/middle" }).end();
      else if (request.url === "/middle") response.writeHead(303, { location: "/done" }).end();
      else response.end(`${request.method} ${request.url}`);
    });
    const response = await transport()(
      new Request(`${server.url}/start`, {
        method: "POST",
        body: "{}",
        headers: { "content-type": "application/json" },
      }),
    );
    expect(await response.text()).toBe("GET /done");
    expect(response.redirected).toBe(true);
    expect(response.url).toBe(`${server.url}/done`);
    const last = server.received[2];
    expect(last?.headers["content-type"]).toBeUndefined();
    expect(last?.body).toBe("");
    expect(server.connections()).toBe(1);
  });

  it("resends method and body on 307/308", async () => {
    const server = await serve((request, response) => {
      if (request.url === "/a") response.writeHead(307, { location: "/b" }).end();
      else if (request.url === "/b") response.writeHead(308, { location: "/c" }).end();
      else response.end(`${request.method} ${request.body}`);
    });
    const response = await transport()(new Request(`${server.url}/a`, { method: "POST", body: "payload" }));
    expect(await response.text()).toBe("POST payload");
  });

  it("drops Authorization and Cookie when the origin changes, keeps other headers", async () => {
    const target = await serve((request, response) => response.end(JSON.stringify(request.headers)));
    const origin = await serve((_, response) => response.writeHead(301, { location: `${target.url}/x` }).end());
    const response = await transport()(
      new Request(origin.url, { headers: { Authorization: "secret", Cookie: "c=1", "X-Trace": "t1" } }),
    );
    const headers = (await response.json()) as Record<string, string>;
    expect(headers.authorization).toBeUndefined();
    expect(headers.cookie).toBeUndefined();
    expect(headers["x-trace"]).toBe("t1");
    expect(origin.received[0]?.headers.authorization).toBe("secret");
  });

  it("redirect: manual returns the 3xx itself; redirect: error rejects", async () => {
    const server = await serve((_, response) => response.writeHead(302, { location: "/elsewhere" }).end());
    const send = transport();
    const manual = await send(new Request(server.url, { redirect: "manual" }));
    expect(manual.status).toBe(302);
    expect(manual.headers.get("location")).toBe("/elsewhere");
    const error = await failure(send(new Request(server.url, { redirect: "error" })));
    expect(error).toBeInstanceOf(TypeError);
    expect(server.received).toHaveLength(2);
  });

  it("stops after 20 redirects", async () => {
    const server = await serve((request, response) => response.writeHead(302, { location: request.url }).end());
    const error = await failure(transport()(new Request(`${server.url}/loop`)));
    expect(error).toBeInstanceOf(TypeError);
    expect(server.received).toHaveLength(21);
  });

  it("cannot resend a streamed body on 307, so that redirect fails", async () => {
    const server = await serve((_, response) => response.writeHead(307, { location: "/again" }).end());
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode("a"));
        controller.enqueue(encoder.encode("b"));
        controller.close();
      },
    });
    const request = new Request(server.url, { method: "POST", body, duplex: "half" } as RequestInit & {
      duplex: "half";
    });
    expect(await failure(transport()(request))).toBeInstanceOf(TypeError);
    expect(server.received).toHaveLength(1);
  });
});

describe("@verifetch/core/node stays out of the main entry", () => {
  it("importing the main entry loads no node:http, node:https or node:zlib", () => {
    const loaded = execFileSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `await import(${JSON.stringify(new URL("./index.ts", import.meta.url).href)});
         console.log(JSON.stringify(process.moduleLoadList.filter((m) => /\\b(http|https|zlib)\\b/.test(m))));`,
      ],
      { encoding: "utf8" },
    );
    expect(JSON.parse(loaded)).toEqual([]);
  });

  it("the node entry does load them (the check above can fail)", () => {
    const loaded = execFileSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `await import(${JSON.stringify(new URL("./node.ts", import.meta.url).href)});
         console.log(JSON.stringify(process.moduleLoadList.filter((m) => /\\b(http|https|zlib)\\b/.test(m))));`,
      ],
      { encoding: "utf8" },
    );
    expect(JSON.parse(loaded)).toEqual(expect.arrayContaining(["NativeModule http", "NativeModule zlib"]));
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

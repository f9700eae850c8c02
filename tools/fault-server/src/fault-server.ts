// A real HTTP server on 127.0.0.1 (free port) that answers each request to a path with the next
// scripted step, and records every request it saw. Separate from Prism: Prism is stateless and
// cannot play "503 twice, then 200".
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** One scripted answer. */
export type FaultStep =
  | { status: number; headers?: Record<string, string>; body?: string | Buffer }
  /** Accept the request and never answer. */
  | { hang: true }
  /** Close the connection before answering. */
  | { reset: "before-response" }
  /** Send the status line, headers and half the body, then drop the connection. */
  | { reset: "mid-body"; status: number; body: string }
  /** Send the status line, the headers and `body` (default none) as a chunked response, then stall: never finish. */
  | { stall: "after-headers"; status: number; body?: string }
  /**
   * Answer `status` with `body`, echoing the request's credentials back in response headers: each
   * of {@link CREDENTIAL_HEADERS} the request carried comes back as `x-echo-<name>`, the first one
   * also as `x-request-id`, and Basic credentials decoded as `x-echo-basic` (`id:secret`).
   */
  | { echo: "credentials"; status: number; body?: string; headers?: Record<string, string> };

/** The request headers that carry credentials, for the `echo` step. */
export const CREDENTIAL_HEADERS = ["authorization", "x-api-key", "x-auth-client", "x-hmac-signature"];

/** A request the server received. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A running fault server. */
export interface FaultServer {
  baseUrl: string;
  /** Queues the answers for `path` (each request takes the next; then 599 "script exhausted"). */
  script(path: string, ...steps: FaultStep[]): void;
  /**
   * Answers `path` with `answer(request, earlier)` once its queue is empty, where `earlier` are the
   * requests `path` received before this one (to answer a retry differently from a first attempt).
   */
  answer(path: string, answer: (request: SeenRequest, earlier: SeenRequest[]) => FaultStep): void;
  /** Requests received for `path`, in order. */
  seen(path: string): SeenRequest[];
  stop(): Promise<void>;
}

/** Starts a fault server on 127.0.0.1 on a free port. */
export async function startFaultServer(): Promise<FaultServer> {
  const scripts = new Map<string, FaultStep[]>();
  const answers = new Map<string, (request: SeenRequest, earlier: SeenRequest[]) => FaultStep>();
  const seen = new Map<string, SeenRequest[]>();
  const sockets = new Set<Socket>();

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
      const list = seen.get(path) ?? [];
      const received = {
        method: request.method ?? "",
        path,
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      const earlier = [...list];
      list.push(received);
      seen.set(path, list);
      answer(scripts.get(path)?.shift() ?? answers.get(path)?.(received, earlier), request, response);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    script: (path, ...steps) => scripts.set(path, [...(scripts.get(path) ?? []), ...steps]),
    answer: (path, answer) => answers.set(path, answer),
    seen: (path) => seen.get(path) ?? [],
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function answer(step: FaultStep | undefined, request: IncomingMessage, response: ServerResponse): void {
  if (!step) {
    response.writeHead(599, { "content-type": "text/plain" }).end("script exhausted");
    return;
  }
  if ("hang" in step) return;
  if ("reset" in step && step.reset === "before-response") {
    request.socket.destroy();
    return;
  }
  if ("stall" in step) {
    response.writeHead(step.status, { "content-type": "application/json" });
    // flushHeaders sends the head now; without a body write Node would wait for one.
    response.flushHeaders();
    if (step.body) response.write(step.body);
    return;
  }
  if ("echo" in step) {
    const echoed: Record<string, string> = {};
    for (const name of CREDENTIAL_HEADERS) {
      const value = request.headers[name];
      if (typeof value !== "string") continue;
      echoed[`x-echo-${name}`] = value;
      echoed["x-request-id"] ??= value;
      const basic = /^Basic (.+)$/.exec(value)?.[1];
      if (basic) echoed["x-echo-basic"] = Buffer.from(basic, "base64").toString("latin1");
    }
    response.writeHead(step.status, { "content-type": "application/json", ...step.headers, ...echoed });
    response.end(step.body ?? "");
    return;
  }
  if ("reset" in step) {
    response.writeHead(step.status, { "content-type": "application/json", "content-length": String(step.body.length) });
    response.write(step.body.slice(0, Math.floor(step.body.length / 2)));
    setTimeout(() => request.socket.destroy(), 10);
    return;
  }
  response.writeHead(step.status, { "content-type": "application/json", ...step.headers });
  response.end(step.body ?? "");
}

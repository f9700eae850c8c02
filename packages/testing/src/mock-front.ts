// The HTTP server a mock's `baseUrl` points at: it forwards every request to Prism unchanged and
// reads Prism's verdict on it. Prism answers a request that breaks the spec with the spec's error
// status and its example body — which says nothing about this request — and hides the reason in a
// header; the front records the violations (`mock.violations()`) and answers with a body that names
// them, so the error a client throws says what was wrong.
import {
  Agent,
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  request,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import {
  isRefusal,
  type MockViolation,
  refusalBody,
  type ViolatingRequest,
  violationsFromHeader,
  violationsFromProblem,
} from "./mock-violations.ts";

/** A listening front; `forwardTo` sets Prism's port once it is ready. */
export interface MockFront {
  readonly port: number;
  forwardTo(upstreamPort: number): void;
  /**
   * The example each request asks Prism for (sent as `Prefer: example=<name>`), or `undefined` to
   * leave it to Prism; a request that carries its own `Prefer` header is never given one.
   */
  preferExample: ((method: string, path: string) => string | undefined) | undefined;
  readonly violations: MockViolation[];
  close(): Promise<void>;
}

// Hop-by-hop headers belong to one connection; Node sets its own on each side.
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

function endToEnd(headers: IncomingHttpHeaders, drop: readonly string[] = []): IncomingHttpHeaders {
  const kept: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HOP_BY_HOP.has(name) && !drop.includes(name)) kept[name] = value;
  }
  return kept;
}

/** Listens on 127.0.0.1 (`port`, or a free one the OS picks). A taken fixed port rejects. */
export async function openMockFront(port: number | undefined): Promise<MockFront> {
  let upstreamPort: number | undefined;
  const violations: MockViolation[] = [];
  const agent = new Agent({ keepAlive: true });

  const server = createServer((incoming, outgoing) => {
    if (upstreamPort === undefined) {
      outgoing.writeHead(503, { "content-type": "text/plain" }).end("verifetch mock: Prism is not ready yet");
      return;
    }
    const target = { method: incoming.method ?? "GET", path: incoming.url ?? "/" };
    const example =
      incoming.headers.prefer === undefined
        ? front.preferExample?.(target.method, target.path.split("?")[0] ?? "/")
        : undefined;
    readAll(incoming)
      .then((body) => forward(body, true))
      .catch((error: unknown) => outgoing.destroy(error as Error));

    function forward(body: Buffer, mayRetry: boolean): void {
      const headers = endToEnd(incoming.headers);
      if (example !== undefined) headers.prefer = `example=${example}`;
      const forwarded = request({
        host: "127.0.0.1",
        port: upstreamPort,
        method: incoming.method,
        path: incoming.url,
        headers,
        agent,
      });
      forwarded.once("response", (answer) => {
        relay(answer, outgoing, target, violations).catch((error: unknown) => outgoing.destroy(error as Error));
      });
      forwarded.once("error", (error: NodeJS.ErrnoException) => {
        // A kept-alive socket Prism closed while idle fails before the request reached it; Node's
        // documented remedy is to send once more on a fresh socket, so the caller never sees the race.
        if (mayRetry && forwarded.reusedSocket && error.code === "ECONNRESET") return forward(body, false);
        if (!outgoing.headersSent) outgoing.writeHead(502, { "content-type": "text/plain" });
        outgoing.end(`verifetch mock: Prism did not answer (${error.message})`);
      });
      forwarded.end(body);
    }
  });

  await listen(server, port);
  const bound = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  const front: MockFront = {
    port: bound,
    violations,
    preferExample: undefined,
    forwardTo(next) {
      upstreamPort = next;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      });
      return closing;
    },
  };
  return front;
}

function listen(server: Server, port: number | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`port ${port} on 127.0.0.1 is taken: pass another port, or none for a free one`, {
              cause: error,
            })
          : error,
      );
    });
    server.listen(port ?? 0, "127.0.0.1", () => resolve());
  });
}

async function relay(
  answer: IncomingMessage,
  outgoing: ServerResponse,
  target: ViolatingRequest,
  recorded: MockViolation[],
): Promise<void> {
  const status = answer.statusCode ?? 502;
  const header = answer.headers["sl-violations"];
  const fromHeader = violationsFromHeader(Array.isArray(header) ? header.join(",") : header, target);
  const problem = status === 422 && /problem\+json/i.test(answer.headers["content-type"] ?? "");
  if (fromHeader.length === 0 && !problem) {
    outgoing.writeHead(status, answer.statusMessage, endToEnd(answer.headers));
    answer.pipe(outgoing);
    return;
  }

  const body = await readAll(answer);
  const violations = fromHeader.length > 0 ? fromHeader : violationsFromProblem(parseJson(body), target);
  recorded.push(...violations);

  const refusals = violations.filter(isRefusal);
  if (status >= 400 && status < 500 && refusals.length > 0) {
    const refusal = Buffer.from(JSON.stringify(refusalBody(status, refusals)));
    outgoing.writeHead(status, answer.statusMessage, {
      ...endToEnd(answer.headers, ["content-type", "content-length"]),
      "content-type": "application/problem+json",
      "content-length": String(refusal.length),
    });
    outgoing.end(refusal);
    return;
  }
  outgoing.writeHead(status, answer.statusMessage, {
    ...endToEnd(answer.headers, ["content-length"]),
    "content-length": String(body.length),
  });
  outgoing.end(body);
}

async function readAll(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8")) as unknown;
  } catch {
    return undefined;
  }
}

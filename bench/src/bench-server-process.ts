// The local ComplyCube stand-in, run as its own process (bench-server.ts starts it) so the server's
// work never shares the event loop or the core of the client being measured. It answers the spec's
// example FlowSession to the spec's example request and refuses anything else, so a contender that
// sends a different call fails the run instead of being timed.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  BENCH_API_KEY,
  FLOW_SESSION_REQUEST,
  FLOW_SESSION_RESPONSE,
  FLOW_SESSIONS_PATH,
  jsonEqual,
} from "./bench-fixture.ts";

const responseBody = Buffer.from(JSON.stringify(FLOW_SESSION_RESPONSE));

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const refuse = (status: number, message: string): void => {
      const body = JSON.stringify({ type: "bench_mismatch", message });
      response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      response.end(body);
    };
    // The official SDK joins its resource name and an empty path into "/v1/flow/sessions/".
    const path = request.url?.endsWith("/") ? request.url.slice(0, -1) : request.url;
    if (request.method !== "POST" || path !== FLOW_SESSIONS_PATH) {
      refuse(404, `expected POST ${FLOW_SESSIONS_PATH}, got ${request.method} ${request.url}`);
      return;
    }
    if (request.headers.authorization !== BENCH_API_KEY) {
      refuse(401, "the Authorization header is not the raw bench key");
      return;
    }
    if (!request.headers["content-type"]?.startsWith("application/json")) {
      refuse(415, `expected a JSON body, got content-type ${request.headers["content-type"]}`);
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      refuse(400, "the body is not JSON");
      return;
    }
    if (!jsonEqual(body, FLOW_SESSION_REQUEST)) {
      refuse(400, `the body differs from the spec example: ${JSON.stringify(body)}`);
      return;
    }
    response.writeHead(200, { "content-type": "application/json", "content-length": responseBody.length });
    response.end(responseBody);
  });
});
// Keep idle connections open across the pauses between rounds, so every contender measures a warm
// keep-alive connection rather than an occasional reconnect.
server.keepAliveTimeout = 120_000;
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ port })}\n`);
});
// The parent holds our stdin open; when it ends (the parent stopped us or died), stop too.
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
process.on("SIGTERM", () => process.exit(0));

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type MockFront, openMockFront } from "./mock-front.ts";

// Stands in for Prism: answers the first request on each connection and drops the connection when
// a second one arrives on it — what a server does when its idle timeout fires as a request is sent.
function upstreamThatDropsReusedSockets(): Promise<{ server: Server; port: number; bodies: string[] }> {
  const bodies: string[] = [];
  const served = new WeakSet<object>();
  const server = createServer((request, response) => {
    if (served.has(request.socket)) {
      request.socket.destroy();
      return;
    }
    served.add(request.socket);
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      bodies.push(Buffer.concat(chunks).toString("utf8"));
      response.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as AddressInfo).port, bodies })),
  );
}

describe("mock front", () => {
  let front: MockFront | undefined;
  let upstream: Server | undefined;
  afterEach(async () => {
    await front?.close();
    const closing = upstream;
    upstream = undefined;
    if (closing) {
      closing.closeAllConnections();
      await new Promise((resolve) => closing.close(resolve));
    }
  });

  it("sends a request again, body included, when Prism closed the kept-alive socket it went out on", async () => {
    const prism = await upstreamThatDropsReusedSockets();
    upstream = prism.server;
    front = await openMockFront(undefined);
    front.forwardTo(prism.port);
    const url = `http://127.0.0.1:${front.port}/things`;

    for (const name of ["first", "second", "third"]) {
      const response = await fetch(url, { method: "POST", body: JSON.stringify({ name }) });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true });
    }
    expect(prism.bodies).toEqual(['{"name":"first"}', '{"name":"second"}', '{"name":"third"}']);
  });

  it("answers 502 naming the cause when Prism cannot be reached at all", async () => {
    const prism = await upstreamThatDropsReusedSockets();
    await new Promise((resolve) => prism.server.close(resolve));
    front = await openMockFront(undefined);
    front.forwardTo(prism.port);

    const response = await fetch(`http://127.0.0.1:${front.port}/things`);
    expect(response.status).toBe(502);
    expect(await response.text()).toMatch(/^verifetch mock: Prism did not answer \(.*ECONNREFUSED/);
  });
});

// The whole fault suite (provider-faults.test.ts) once more, with every request going through core's
// opt-in node:http transport, createNodeFetch(), instead of the runtime's fetch: the retry layer must
// see the same failures (refused/reset connections, hangs, bodies cut mid-way) whichever transport
// a client is given. The suite is imported, not copied; its tests register in this file.
import { afterAll, expect } from "vitest";
import { useTransport } from "../../vitest/contract-suite.ts";
import "./provider-faults.test.ts";

const sent = useTransport("createNodeFetch");

afterAll(() => {
  // Proves the suite's traffic took this transport (it cannot pass on the global fetch by accident).
  expect(sent()).toBeGreaterThan(20);
});

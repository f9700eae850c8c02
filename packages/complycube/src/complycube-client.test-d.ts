import { type ApiError, type HostedSession, isApiError, type WebhookEvent } from "@verifetch/core";
import type { SessionProvider } from "@verifetch/core/session";
import { describe, expectTypeOf, it } from "vitest";
import type { ComplyCubeErrorBody } from "./index.ts";
import {
  type Check,
  type CheckList,
  type CheckOutcome,
  type CheckStatus,
  type Client,
  type ComplyCube,
  type ComplyCubeSessionOptions,
  type ComplyCubeSessions,
  type ComplyCubeWebhookPayload,
  type CreateFlowSessionRequest,
  complyCubeApiClient,
  type complyCubeGetCheck,
  complyCubeListChecks,
  complyCubeResults,
  complyCubeSessions,
  complyCubeWebhooks,
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

  it("types the Checks API and the outcome read from it", () => {
    // The methods' types are the schemas flattened (an intersection becomes one object): the same, both ways.
    type Got = Awaited<ReturnType<typeof complyCubeGetCheck>>;
    type Listed = Awaited<ReturnType<typeof complyCubeListChecks>>;
    expectTypeOf<Got>().toExtend<Check>();
    expectTypeOf<Check>().toExtend<Got>();
    expectTypeOf<Listed>().toExtend<CheckList>();
    expectTypeOf<CheckList>().toExtend<Listed>();
    expectTypeOf<Listed["items"][number]["status"]>().toEqualTypeOf<CheckStatus>();
    expectTypeOf<CheckStatus>().toEqualTypeOf<"pending" | "complete" | "failed">();
    expectTypeOf<CheckOutcome>().toEqualTypeOf<"clear" | "attention" | "rejected" | "match_confirmed">();
    expectTypeOf(complyCubeResults(complycube).getOutcome)
      .returns.resolves.toHaveProperty("raw")
      .toEqualTypeOf<Listed>();
    complyCubeListChecks(complycube, {
      clientId: "c",
      status: "pending",
      "result.outcome": "rejected",
      page: 1,
      pageSize: 50,
    });
    // @ts-expect-error: not a documented check status
    complyCubeListChecks(complycube, { status: "done" });
    // @ts-expect-error: not a filter the docs list
    complyCubeListChecks(complycube, { client: "c" });
    // The Checks API is apart from the class: a create-session bundle carries none of it.
    expectTypeOf(complycube).not.toHaveProperty("listChecks");
  });

  it("accepts both documented request shapes", () => {
    expectTypeOf({ ...base, checkTypes: ["identity_check" as const] }).toExtend<CreateFlowSessionRequest>();
    expectTypeOf({ ...base, workflowTemplateId: "wf" }).toExtend<CreateFlowSessionRequest>();
    // What the official SDK sends: shortUrl, language and theme on either shape.
    complycube.createFlowSession({
      ...base,
      checkTypes: ["document_check"],
      shortUrl: true,
      language: "fr",
      theme: "dark",
    });
  });

  it("makes checkTypes and workflowTemplateId exclusive at compile time (x-verifetch-exclusive)", () => {
    // @ts-expect-error checkTypes and workflowTemplateId are exclusive in verifetch's request type
    complycube.createFlowSession({ ...base, checkTypes: ["document_check"], workflowTemplateId: "wf" });
    // The raw client follows the spec, which accepts any combination (as ComplyCube's own SDK sends).
    complyCubeApiClient(complycube).POST("/v1/flow/sessions", {
      body: { ...base, checkTypes: ["document_check"], workflowTemplateId: "wf" },
    });
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
    const result = await complyCubeApiClient(complycube).POST("/v1/flow/sessions", {
      body: { ...base, workflowTemplateId: "wf" },
    });
    if (result.error) {
      expectTypeOf(result.error).toEqualTypeOf<{ type: string; message: string; param?: string }>();
    } else {
      expectTypeOf(result.data).toEqualTypeOf<FlowSession>();
    }
    // @ts-expect-error the spec has no such path
    complyCubeApiClient(complycube).GET("/v1/flow/sessions");
  });

  it("exposes the parsed provider body on ApiError", () => {
    expectTypeOf<ApiError<{ type: string }>["body"]>().toEqualTypeOf<{ type: string }>();
  });

  it("types the facade adapter (complyCubeSessions(complycube))", () => {
    expectTypeOf(complyCubeSessions(complycube)).toEqualTypeOf<ComplyCubeSessions>();
    expectTypeOf(complyCubeSessions(complycube)).toExtend<
      SessionProvider<"complycube", ComplyCubeSessionOptions, FlowSession, "redirectUrl" | "cancelUrl">
    >();
    expectTypeOf(complyCubeSessions(complycube).provider).toEqualTypeOf<"complycube">();
    expectTypeOf(complyCubeSessions(complycube).createSession).returns.resolves.toEqualTypeOf<
      HostedSession<"complycube", FlowSession>
    >();
    expectTypeOf(complyCubeWebhooks(complycube).verifyWebhook).returns.resolves.toEqualTypeOf<
      WebhookEvent<"complycube", ComplyCubeWebhookPayload>
    >();
  });

  it("types the adapter's providerOptions: exactly one variant, each with its own options", () => {
    const urls = { reference: "u", redirectUrl: "https://a.example", cancelUrl: "https://b.example" };
    const checks: ComplyCubeSessionOptions = { clientId: "c", checkTypes: ["document_check"], enableMonitoring: true };
    const workflow: ComplyCubeSessionOptions = { clientId: "c", workflowTemplateId: "wf", shortUrl: true };
    complyCubeSessions(complycube).validate({ ...urls, providerOptions: { complycube: checks } });
    complyCubeSessions(complycube).validate({ ...urls, providerOptions: { complycube: workflow } });
    // @ts-expect-error checkTypes and workflowTemplateId are exclusive
    const both: ComplyCubeSessionOptions = { clientId: "c", checkTypes: ["document_check"], workflowTemplateId: "w" };
    // The spec (and ComplyCube's own SDK) takes shortUrl, theme and messages with either variant.
    const shortUrl: ComplyCubeSessionOptions = { clientId: "c", checkTypes: ["document_check"], shortUrl: true };
    const messages: ComplyCubeSessionOptions = { clientId: "c", workflowTemplateId: "wf", messages: {} };
    // @ts-expect-error clientId is required
    const noClient: ComplyCubeSessionOptions = { workflowTemplateId: "wf" };
    // @ts-expect-error "palm_reading_check" is not a check type
    const palm: ComplyCubeSessionOptions = { clientId: "c", checkTypes: ["palm_reading_check"] };
    expectTypeOf([both, shortUrl, messages, noClient, palm]).toBeArray();
  });
  it('isApiError(error, "complycube") types the body as the spec error body (or raw text, or nothing)', () => {
    const error: unknown = new Error("x");
    if (isApiError(error, "complycube")) {
      expectTypeOf(error.body).toEqualTypeOf<ComplyCubeErrorBody | string | undefined>();
      expectTypeOf(error.provider).toEqualTypeOf<"complycube">();
    }
  });
});

import { type ApiError, type Environment, type HostedSession, isApiError, type WebhookEvent } from "@verifetch/core";
import type { SessionProvider } from "@verifetch/core/session";
import { describe, expectTypeOf, it } from "vitest";
import {
  ARGYLE_HOSTS,
  type Argyle,
  type ArgyleApiClient,
  type ArgyleErrorBody,
  type ArgyleSessionOptions,
  type ArgyleSessions,
  type ArgyleWebhookPayload,
  argyleApiClient,
  argyleSessions,
  argyleWebhooks,
  type ClientCreateUserResponse,
  type ClientSession,
  type ClientSessionCreateRequest,
  type ClientVerification,
  type ClientVerificationListResponse,
  createArgyle,
} from "./index.ts";

const argyle = createArgyle({ apiKeyId: "id", apiKeySecret: "secret" });
const verification = "43a2c6c3-1e63-91e5-88e3-f9ab2dcc489b";

describe("@verifetch/argyle types", () => {
  it("returns the spec's types from the convenience methods, all fields optional as Argyle documents", () => {
    expectTypeOf(createArgyle).returns.toEqualTypeOf<Argyle>();
    expectTypeOf(argyle.createSession).returns.resolves.toEqualTypeOf<ClientSession>();
    expectTypeOf<ClientSession["link"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf(argyle.createUser).returns.resolves.toEqualTypeOf<ClientCreateUserResponse>();
    expectTypeOf(argyle.getVerification).returns.resolves.toEqualTypeOf<ClientVerification>();
    expectTypeOf(argyle.listVerifications).returns.resolves.toEqualTypeOf<ClientVerificationListResponse>();
    expectTypeOf(argyle.iterateVerifications).returns.toEqualTypeOf<
      AsyncGenerator<ClientVerification, void, undefined>
    >();
    expectTypeOf(argyle.environment).toEqualTypeOf<Environment>();
    expectTypeOf<Environment>().toEqualTypeOf<"sandbox" | "live">();
    expectTypeOf(ARGYLE_HOSTS.live).toEqualTypeOf<"https://api.argyle.com">();
  });

  it("requires what the spec requires and rejects unknown values", () => {
    expectTypeOf({ verification }).toExtend<ClientSessionCreateRequest>();
    // @ts-expect-error `verification` is required
    argyle.createSession({ configuration: { language: "EN" } });
    // @ts-expect-error "FR" is not a Link language
    argyle.createSession({ verification, configuration: { language: "FR" } });
    // @ts-expect-error `report` is required
    argyle.createVerification({ user: "u" });
    // @ts-expect-error "vox" is not a report type
    argyle.createVerification({ user: "u", report: { type: "vox" } });
    // @ts-expect-error "DONE" is not a verification state
    argyle.listVerifications({ status_state: "DONE" });
    // @ts-expect-error the iterator manages the cursor itself
    argyle.iterateVerifications({ cursor: "c" });
    // @ts-expect-error only "sandbox" and "live" exist
    createArgyle({ environment: "production" });
  });

  it("types the raw client's data and Argyle's error body", async () => {
    expectTypeOf(argyleApiClient).returns.toEqualTypeOf<ArgyleApiClient>();
    const result = await argyleApiClient(argyle).POST("/v2/sessions", { body: { verification } });
    if (result.error) {
      expectTypeOf(result.error).toEqualTypeOf<ArgyleErrorBody>();
      expectTypeOf<ArgyleErrorBody>().toEqualTypeOf<{ detail?: string }>();
    } else {
      expectTypeOf(result.data).toEqualTypeOf<ClientSession>();
    }
    // @ts-expect-error the spec has no such path
    argyleApiClient(argyle).GET("/v2/sessions");
  });

  it("exposes the parsed provider body on ApiError", () => {
    expectTypeOf<ApiError<ArgyleErrorBody>["body"]>().toEqualTypeOf<{ detail?: string }>();
  });

  it("types the facade adapter (argyleSessions(argyle))", () => {
    expectTypeOf(argyleSessions(argyle)).toEqualTypeOf<ArgyleSessions>();
    expectTypeOf(argyleSessions(argyle)).toExtend<SessionProvider<"argyle", ArgyleSessionOptions, ClientSession>>();
    expectTypeOf(argyleSessions(argyle).provider).toEqualTypeOf<"argyle">();
    expectTypeOf(argyleSessions(argyle).createSession).returns.resolves.toEqualTypeOf<
      HostedSession<"argyle", ClientSession>
    >();
    expectTypeOf(argyleWebhooks(argyle).verifyWebhook).returns.resolves.toEqualTypeOf<
      WebhookEvent<"argyle", ArgyleWebhookPayload>
    >();
    const options: ArgyleSessionOptions = { verification, items: ["item_000000001"], mobileApp: true };
    argyleSessions(argyle).validate({ reference: "u", providerOptions: { argyle: options } });
    // @ts-expect-error `verification` is required
    const noVerification: ArgyleSessionOptions = { flowId: "f" };
    // @ts-expect-error options are camelCase (`mobileApp`), not Argyle's snake_case
    const snake: ArgyleSessionOptions = { verification, mobile_app: true };
    // @ts-expect-error the options live under the provider's own key
    argyleSessions(argyle).validate({ reference: "u", providerOptions: { verifa: options } });
    expectTypeOf([noVerification, snake]).toBeArray();
  });
  it('isApiError(error, "argyle") types the body as the spec error body (or raw text, or nothing)', () => {
    const error: unknown = new Error("x");
    if (isApiError(error, "argyle")) {
      expectTypeOf(error.body).toEqualTypeOf<ArgyleErrorBody | string | undefined>();
      expectTypeOf(error.provider).toEqualTypeOf<"argyle">();
    }
  });
});

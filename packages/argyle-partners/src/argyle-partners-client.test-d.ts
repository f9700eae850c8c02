import { type ApiError, type Environment, type HostedSession, isApiError, type WebhookEvent } from "@verifetch/core";
import type { SessionProvider } from "@verifetch/core/session";
import { describe, expectTypeOf, it } from "vitest";
import {
  ARGYLE_PARTNERS_HOSTS,
  type ArgylePartners,
  type ArgylePartnersApiClient,
  type ArgylePartnersErrorBody,
  type ArgylePartnersSessionOptions,
  type ArgylePartnersSessions,
  type ArgylePartnersWebhookPayload,
  argylePartnersApiClient,
  argylePartnersSessions,
  argylePartnersWebhooks,
  createArgylePartners,
  type PartnerCreateUserResponse,
  type PartnerSession,
  type PartnerVerification,
  type PartnerVerificationCreateRequest,
  type PartnerVerificationListResponse,
} from "./index.ts";

const partners = createArgylePartners({ apiKeyId: "id", apiKeySecret: "secret" });
const verification = "43a2c6c3-1e63-91e5-88e3-f9ab2dcc489b";

describe("@verifetch/argyle-partners types", () => {
  it("returns the spec's types from the convenience methods, all fields optional as Argyle documents", () => {
    expectTypeOf(createArgylePartners).returns.toEqualTypeOf<ArgylePartners>();
    expectTypeOf(partners.createSession).returns.resolves.toEqualTypeOf<PartnerSession>();
    expectTypeOf<PartnerSession["link"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf(partners.createUser).returns.resolves.toEqualTypeOf<PartnerCreateUserResponse>();
    expectTypeOf(partners.getVerification).returns.resolves.toEqualTypeOf<PartnerVerification>();
    expectTypeOf<PartnerVerification["client"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf(partners.listVerifications).returns.resolves.toEqualTypeOf<PartnerVerificationListResponse>();
    expectTypeOf(partners.iterateVerifications).returns.toEqualTypeOf<
      AsyncGenerator<PartnerVerification, void, undefined>
    >();
    expectTypeOf(partners.environment).toEqualTypeOf<Environment>();
    expectTypeOf<Environment>().toEqualTypeOf<"sandbox" | "live">();
    expectTypeOf(ARGYLE_PARTNERS_HOSTS.sandbox).toEqualTypeOf<"https://api-sandbox.argyle.com">();
  });

  it("requires `client` where partner objects are client-scoped", () => {
    expectTypeOf({
      client: "c",
      user: "u",
      report: { type: "voie" as const },
    }).toExtend<PartnerVerificationCreateRequest>();
    // @ts-expect-error `client` is required on a partner user
    partners.createUser({ first_name: "Jane" });
    // @ts-expect-error `client` is required on a partner verification order
    partners.createVerification({ user: "u", report: { type: "voie" } });
    // The Partners Verifications Guide's banking form: `client`, `verification` and `banking`.
    partners.createSession({ verification, client: "c", banking: { single_use_url: false, redirect_url: null } });
    expectTypeOf<NonNullable<PartnerSession["banking"]>["link"]>().toEqualTypeOf<string | undefined>();
    // @ts-expect-error the banking link is in the response, not the request
    partners.createSession({ verification, banking: { link: "https://connect2.finicity.com" } });
    // @ts-expect-error "vox" is not a report type
    partners.listVerifications({ report_type: "vox" });
    // @ts-expect-error the iterator manages the cursor itself
    partners.iterateVerifications({ cursor: "c" });
    // @ts-expect-error only "sandbox" and "live" exist
    createArgylePartners({ environment: "production" });
  });

  it("types the raw client's data and Argyle's error body", async () => {
    expectTypeOf(argylePartnersApiClient).returns.toEqualTypeOf<ArgylePartnersApiClient>();
    const result = await argylePartnersApiClient(partners).POST("/partners/v2/sessions", { body: { verification } });
    if (result.error) {
      expectTypeOf(result.error).toEqualTypeOf<ArgylePartnersErrorBody>();
      expectTypeOf<ArgylePartnersErrorBody>().toEqualTypeOf<{ detail?: string }>();
    } else {
      expectTypeOf(result.data).toEqualTypeOf<PartnerSession>();
    }
    // @ts-expect-error the Partners API has no /v2/sessions (that is the Verifications API)
    argylePartnersApiClient(partners).POST("/v2/sessions", { body: { verification } });
  });

  it("exposes the parsed provider body on ApiError", () => {
    expectTypeOf<ApiError<ArgylePartnersErrorBody>["body"]>().toEqualTypeOf<{ detail?: string }>();
  });

  it("types the facade adapter (argylePartnersSessions(argylePartners))", () => {
    expectTypeOf(argylePartnersSessions(partners)).toEqualTypeOf<ArgylePartnersSessions>();
    expectTypeOf(argylePartnersSessions(partners)).toExtend<
      SessionProvider<"argyle-partners", ArgylePartnersSessionOptions, PartnerSession>
    >();
    expectTypeOf(argylePartnersSessions(partners).provider).toEqualTypeOf<"argyle-partners">();
    expectTypeOf(argylePartnersSessions(partners).createSession).returns.resolves.toEqualTypeOf<
      HostedSession<"argyle-partners", PartnerSession>
    >();
    expectTypeOf(argylePartnersWebhooks(partners).verifyWebhook).returns.resolves.toEqualTypeOf<
      WebhookEvent<"argyle-partners", ArgylePartnersWebhookPayload>
    >();
    const options: ArgylePartnersSessionOptions = { verification, singleUseUrl: true };
    argylePartnersSessions(partners).validate({ reference: "u", providerOptions: { "argyle-partners": options } });
    // @ts-expect-error `verification` is required
    const noVerification: ArgylePartnersSessionOptions = { flowId: "f" };
    // @ts-expect-error options are camelCase (`singleUseUrl`), not Argyle's snake_case
    const snake: ArgylePartnersSessionOptions = { verification, single_use_url: true };
    // @ts-expect-error the options live under the provider's own key, "argyle-partners"
    argylePartnersSessions(partners).validate({ reference: "u", providerOptions: { argyle: options } });
    expectTypeOf([noVerification, snake]).toBeArray();
  });
  it('isApiError(error, "argyle-partners") types the body as the spec error body (or raw text, or nothing)', () => {
    const error: unknown = new Error("x");
    if (isApiError(error, "argyle-partners")) {
      expectTypeOf(error.body).toEqualTypeOf<ArgylePartnersErrorBody | string | undefined>();
      expectTypeOf(error.provider).toEqualTypeOf<"argyle-partners">();
    }
  });
});

import { type CallOptions, type ProviderClientOptions, setSessionSettings } from "@verifetch/core";
import {
  createTransport,
  iterateCursorPages,
  loadSetting,
  type OperationCaller,
  openApiClientOf,
  operationCaller,
  setBasicAuthorization,
} from "@verifetch/core/provider";
import type { Client as OpenApiClient } from "openapi-fetch";
import { type ArgyleEnvironment, resolveArgyleEnvironment } from "./argyle-environment.ts";
import type { components, operations, paths } from "./generated/openapi.ts";
import { VERSION } from "./version.ts";

// Argyle marks no response field as required, so every response type below is all-optional:
// the methods return what Argyle sent and promise nothing more.
type Schemas = components["schemas"];
/** Body of `createSession`: the verification to connect, plus optional payroll/banking configuration. */
export type CreateSessionRequest = Schemas["ClientSessionCreateRequest"];
/** A connection session: the `link` that launches Argyle's payroll or banking experience. */
export type Session = Schemas["ClientSession"];
/** Body of `createUser`; every field is optional, though banking and document verifications need PII. */
export type CreateUserRequest = Schemas["ClientUserCreateRequest"];
/** A created user: its `id` and `user_token`. */
export type CreateUserResponse = Schemas["ClientCreateUserResponse"];
/** Body of `createVerification`: the `user` and the `report` to order. */
export type CreateVerificationRequest = Schemas["ClientVerificationCreateRequest"];
/** Body of `refreshVerification`: a new report from the user's existing connection or documents. */
export type RefreshVerificationRequest = Schemas["ClientVerificationRefreshRequest"];
/** Body of `updateVerification`: new `loan`, `billing` or (documents, while PAUSED) `employments`. */
export type UpdateVerificationRequest = Schemas["ClientVerificationUpdateRequest"];
/** A verification order, its status and (once COMPLETED) its report URLs. */
export type Verification = Schemas["ClientVerification"];
/** One page of `listVerifications`: `results` plus the `next` / `previous` page URLs. */
export type VerificationListPage = Schemas["ClientVerificationListResponse"];
/** Filters and paging of `listVerifications` (`limit` defaults to 10, at most 200). */
export type ListVerificationsQuery = NonNullable<operations["listVerifications"]["parameters"]["query"]>;
/** A report Argyle can produce: payroll (`voie`, `voe`), banking (`voa`, `voi`, `voai`, `voe-transactions`) or documents. */
export type ReportType = Schemas["ReportType"];
/** A verification's `status.state`. */
export type VerificationState = Schemas["VerificationState"];
/** A verification's `status.code`. */
export type VerificationStatusCode = Schemas["VerificationStatusCode"];
/** Argyle's error body (`{ detail }`, inferred from the legacy v1 docs), found on `ApiError.body`. */
export type ArgyleErrorBody = Schemas["Error"];

declare module "@verifetch/core" {
  /** Lets `isApiError(error, "argyle")` type `error.body` as ArgyleErrorBody. */
  interface ProviderErrorBodies {
    argyle: ArgyleErrorBody;
  }
}
/** The typed openapi-fetch client for every operation in the Argyle spec. */
export type ArgyleApiClient = OpenApiClient<paths, "application/json">;

/**
 * How long a session `link` stays valid: one hour. Argyle's Verifications API reference, "Create a
 * session" (`POST /v2/sessions`, docs.argyle.com): "Session links expire after one hour. A new
 * session link can be created at any time by creating another session for the active verification."
 * The response carries no expiry time, so callers compute it from when the session was created.
 */
export const ARGYLE_SESSION_TTL_MS = 3_600_000;

const PROVIDER = "argyle";

/** Options for {@link createArgyle}. */
export interface ArgyleOptions extends ProviderClientOptions {
  /** API key id (the Basic username). Defaults to `ARGYLE_API_KEY_ID`, read at request time. */
  apiKeyId?: string | undefined;
  /** API key secret (the Basic password). Defaults to `ARGYLE_API_KEY_SECRET`, read at request time. */
  apiKeySecret?: string | undefined;
  /**
   * `"sandbox"` (default — production is never a guess) or `"live"`; picks the host. With a
   * `baseUrl` that is an Argyle host it must name that host's environment.
   */
  environment?: ArgyleEnvironment | undefined;
  /** The webhook subscription's `secret`, for `argyleSessions(client).verifyWebhook`. Defaults to `ARGYLE_WEBHOOK_SECRET`. */
  webhookSecret?: string | undefined;
}

/** A configured Argyle Verifications API client. Create it with {@link createArgyle}. */
export class Argyle {
  /**
   * The environment this client calls, decided by the host. Argyle keys carry no prefix, so a key
   * from the other environment is only detected by Argyle's 401 (AuthenticationError).
   */
  readonly environment: ArgyleEnvironment;
  readonly #apiKeyId: string | undefined;
  readonly #apiKeySecret: string | undefined;
  readonly #call: OperationCaller<paths>;

  constructor(options: ArgyleOptions = {}) {
    this.#apiKeyId = options.apiKeyId;
    this.#apiKeySecret = options.apiKeySecret;
    const { baseUrl, environment } = resolveArgyleEnvironment(options);
    this.environment = environment;
    setSessionSettings(this, { webhookSecret: options.webhookSecret, now: options.clock?.now });
    const transport = createTransport(this, {
      packageName: PROVIDER,
      version: VERSION,
      baseUrl,
      options,
      authenticate: (request) => {
        const { id, secret } = this.#credentials();
        return setBasicAuthorization(request, id, secret);
      },
    });
    this.#call = operationCaller<paths>(transport);
  }

  /**
   * Creates a connection session (payroll and banking only) whose `link` is valid for one hour. A
   * 2xx without a `link` is an InvalidResponseError.
   */
  createSession(body: CreateSessionRequest, options?: CallOptions): Promise<Session> {
    return this.#call("post", "/v2/sessions", { body }, options, ["link"]);
  }

  /** Creates the user a verification is ordered for. */
  createUser(body: CreateUserRequest, options?: CallOptions): Promise<CreateUserResponse> {
    return this.#call("post", "/v2/users", { body }, options);
  }

  /** Orders a verification (payroll, banking or documents) for a user. */
  createVerification(body: CreateVerificationRequest, options?: CallOptions): Promise<Verification> {
    return this.#call("post", "/v2/verifications", { body }, options);
  }

  /** Retrieves a verification, e.g. to poll its `status` or read its report URLs. */
  getVerification(id: string, options?: CallOptions): Promise<Verification> {
    return this.#call("get", "/v2/verifications/{id}", { params: { path: { id } } }, options);
  }

  /** Returns one page of verifications; pass `cursor` from a previous page's `next` to get the following one. */
  listVerifications(query: ListVerificationsQuery = {}, options?: CallOptions): Promise<VerificationListPage> {
    return this.#call("get", "/v2/verifications", { params: { query } }, options);
  }

  /**
   * Iterates every verification matching `query`, fetching page after page. Only the `cursor` is
   * taken from each page's `next` URL: requests always go to this client's host with its own
   * filters, never to a URL chosen by the response.
   */
  iterateVerifications(
    query: Omit<ListVerificationsQuery, "cursor"> = {},
    options?: CallOptions,
  ): AsyncGenerator<Verification, void, undefined> {
    return iterateCursorPages(
      (cursor) => this.listVerifications(cursor === undefined ? query : { ...query, cursor }, options),
      {
        provider: PROVIDER,
      },
    );
  }

  /** Orders a new verification from the user's existing connection or documents, without user action. */
  refreshVerification(body: RefreshVerificationRequest, options?: CallOptions): Promise<Verification> {
    return this.#call("post", "/v2/verifications/refresh", { body }, options);
  }

  /** Updates a verification's loan, billing or (documents, while PAUSED) employments; it re-enters PROCESSING. */
  updateVerification(id: string, body: UpdateVerificationRequest, options?: CallOptions): Promise<Verification> {
    return this.#call("patch", "/v2/verifications/{id}", { params: { path: { id } }, body }, options);
  }

  /** Cancels a verification; only PAUSED verifications can be cancelled. */
  cancelVerification(id: string, options?: CallOptions): Promise<Verification> {
    return this.#call("post", "/v2/verifications/{id}/cancel", { params: { path: { id } } }, options);
  }

  #credentials(): { id: string; secret: string } {
    const id = loadSetting({
      value: this.#apiKeyId,
      option: "apiKeyId",
      envVar: "ARGYLE_API_KEY_ID",
      description: "Argyle API key id",
    });
    const secret = loadSetting({
      value: this.#apiKeySecret,
      option: "apiKeySecret",
      envVar: "ARGYLE_API_KEY_SECRET",
      description: "Argyle API key secret",
    });
    return { id, secret };
  }
}

/**
 * The typed openapi-fetch client of `argyle`, for every operation in the Argyle spec:
 * `argyleApiClient(argyle).POST("/v2/sessions", { body })` returns `{ data, error, response }`.
 * It sends through the same credentials, retries and hooks as the methods; built on first use, and
 * separate from the class so that programs calling only the methods do not bundle openapi-fetch's client.
 */
export function argyleApiClient(argyle: Argyle): ArgyleApiClient {
  return openApiClientOf<paths>(argyle);
}

/**
 * Creates an Argyle Verifications API client for the sandbox unless `environment: "live"` is
 * given. Credentials are read lazily, so this never throws for a missing key; it does throw
 * ConfigurationError for an unsafe `baseUrl` or one that contradicts `environment`.
 */
export function createArgyle(options: ArgyleOptions = {}): Argyle {
  return new Argyle(options);
}

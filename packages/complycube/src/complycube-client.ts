import { type CallOptions, type ProviderClientOptions, setSessionSettings } from "@verifetch/core";
import {
  createTransport,
  loadSetting,
  type OperationCaller,
  openApiClientOf,
  operationCaller,
} from "@verifetch/core/provider";
import type { Client as OpenApiClient } from "openapi-fetch";
import { type ComplyCubeEnvironment, complyCubeEnvironment } from "./complycube-environment.ts";
import type { components, paths } from "./generated/openapi.ts";
import { VERSION } from "./version.ts";

type Schemas = components["schemas"];
type FlowSessionFields = Omit<Schemas["CreateFlowSessionRequest"], "checkTypes" | "workflowTemplateId">;
/**
 * Body of `createFlowSession`: check-driven (`checkTypes`) or workflow-driven
 * (`workflowTemplateId`), exactly one of the two. Stricter than the spec on purpose: ComplyCube
 * states no exclusivity (its SDK types both optional together), but a session with both, or neither,
 * has no documented meaning, so this type refuses it at compile time (`x-verifetch-exclusive` in
 * specs/complycube.yaml). `complyCubeApiClient(complycube)` keeps the spec's permissive body.
 */
export type CreateFlowSessionRequest =
  | (FlowSessionFields & { checkTypes: CheckType[]; workflowTemplateId?: never })
  | (FlowSessionFields & { workflowTemplateId: string; checkTypes?: never });
/** A created flow session: the hosted URL to send the client to. */
export type FlowSession = Schemas["FlowSession"];
/** Body of `createClient`: a person or a company. */
export type CreateClientRequest = Schemas["CreateClientRequest"];
/** A ComplyCube client: the person or company being verified. */
export type Client = Schemas["Client"];
/** ComplyCube's error body, found on `ApiError.body`. */
export type ComplyCubeErrorBody = Schemas["Error"];

declare module "@verifetch/core" {
  /** Lets `isApiError(error, "complycube")` type `error.body` as ComplyCubeErrorBody. */
  interface ProviderErrorBodies {
    complycube: ComplyCubeErrorBody;
  }
}
/** A check ComplyCube can run. */
export type CheckType = Schemas["CheckType"];
/** The typed openapi-fetch client for every operation in the ComplyCube spec. */
export type ComplyCubeApiClient = OpenApiClient<paths, "application/json">;

/** ComplyCube's API host; it serves both the sandbox and live environments. */
export const COMPLYCUBE_BASE_URL = "https://api.complycube.com";
const PROVIDER = "complycube";

/** Options for {@link createComplyCube}. */
export interface ComplyCubeOptions extends ProviderClientOptions {
  /** ComplyCube API key (`test_…` or `live_…`). Defaults to `COMPLYCUBE_API_KEY`, read at request time. */
  apiKey?: string | undefined;
  /** Webhook secret (shown once when the webhook is created) for `complyCubeSessions(client).verifyWebhook`. Defaults to `COMPLYCUBE_WEBHOOK_SECRET`. */
  webhookSecret?: string | undefined;
}

/** A configured ComplyCube client. Create it with {@link createComplyCube}. */
export class ComplyCube {
  readonly #apiKey: string | undefined;
  readonly #call: OperationCaller<paths>;

  constructor(options: ComplyCubeOptions = {}) {
    this.#apiKey = options.apiKey;
    setSessionSettings(this, { webhookSecret: options.webhookSecret });
    const transport = createTransport(this, {
      packageName: PROVIDER,
      version: VERSION,
      baseUrl: options.baseUrl ?? COMPLYCUBE_BASE_URL,
      options,
      authenticate: (request) => {
        const apiKey = this.#loadApiKey();
        complyCubeEnvironment(apiKey);
        // ComplyCube takes the raw key, with no "Bearer" prefix.
        request.headers.set("Authorization", apiKey);
        return [apiKey];
      },
    });
    this.#call = operationCaller<paths>(transport);
  }

  /** `"sandbox"` for a `test_` key, `"live"` for a `live_` key (loads the key; throws ConfigurationError if missing). */
  get environment(): ComplyCubeEnvironment {
    return complyCubeEnvironment(this.#loadApiKey());
  }

  /** Creates a hosted flow session and returns its `redirectUrl`. */
  createFlowSession(body: CreateFlowSessionRequest, options?: CallOptions): Promise<FlowSession> {
    return this.#call("post", "/v1/flow/sessions", { body }, options, ["redirectUrl"]);
  }

  /** Creates the client (person or company) a flow session verifies. */
  createClient(body: CreateClientRequest, options?: CallOptions): Promise<Client> {
    return this.#call("post", "/v1/clients", { body }, options);
  }

  /** Retrieves a client by id. */
  getClient(clientId: string, options?: CallOptions): Promise<Client> {
    return this.#call("get", "/v1/clients/{clientId}", { params: { path: { clientId } } }, options);
  }

  #loadApiKey(): string {
    return loadSetting({
      value: this.#apiKey,
      option: "apiKey",
      envVar: "COMPLYCUBE_API_KEY",
      description: "ComplyCube API key",
    });
  }
}

/**
 * The typed openapi-fetch client of `complycube`, for every operation in the ComplyCube spec:
 * `complyCubeApiClient(complycube).POST("/v1/flow/sessions", { body })` returns `{ data, error, response }`.
 * It sends through the same credentials, retries and hooks as the methods; built on first use.
 */
export function complyCubeApiClient(complycube: ComplyCube): ComplyCubeApiClient {
  return openApiClientOf<paths>(complycube);
}

/** Creates a ComplyCube client. The API key is read lazily, so this never throws for a missing key. */
export function createComplyCube(options: ComplyCubeOptions = {}): ComplyCube {
  return new ComplyCube(options);
}

import {
  type CallOptions,
  callInit,
  createApiClient,
  loadSetting,
  type ProviderClientOptions,
  setSessionSettings,
  unwrap,
} from "@verifetch/core";
import type { Client as OpenApiClient } from "openapi-fetch";
import { type ComplyCubeEnvironment, complyCubeEnvironment } from "./complycube-environment.ts";
import type { components, paths } from "./generated/openapi.ts";
import { VERSION } from "./version.ts";

type Schemas = components["schemas"];
/** Body of `createFlowSession`: check-driven (`checkTypes`) or workflow-driven (`workflowTemplateId`). */
export type CreateFlowSessionRequest = Schemas["CreateFlowSessionRequest"];
/** A created flow session: the hosted URL to send the client to. */
export type FlowSession = Schemas["FlowSession"];
/** Body of `createClient`: a person or a company. */
export type CreateClientRequest = Schemas["CreateClientRequest"];
/** A ComplyCube client: the person or company being verified. */
export type Client = Schemas["Client"];
/** ComplyCube's error body, found on `ApiError.body`. */
export type ComplyCubeErrorBody = Schemas["Error"];
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
  apiKey?: string;
  /** Webhook secret (shown once when the webhook is created) for `complyCubeSessions(client).verifyWebhook`. Defaults to `COMPLYCUBE_WEBHOOK_SECRET`. */
  webhookSecret?: string;
}

/** A configured ComplyCube client. Create it with {@link createComplyCube}. */
export class ComplyCube {
  /** The typed openapi-fetch client: `client.POST("/v1/flow/sessions", { body })` returns `{ data, error, response }`. */
  readonly client: ComplyCubeApiClient;
  readonly #apiKey: string | undefined;

  constructor(options: ComplyCubeOptions = {}) {
    this.#apiKey = options.apiKey;
    setSessionSettings(this, { webhookSecret: options.webhookSecret });
    this.client = createApiClient<paths>({
      packageName: PROVIDER,
      version: VERSION,
      baseUrl: options.baseUrl ?? COMPLYCUBE_BASE_URL,
      options,
      authenticate: (request) => {
        const apiKey = this.#loadApiKey();
        complyCubeEnvironment(apiKey);
        // ComplyCube takes the raw key, with no "Bearer" prefix.
        request.headers.set("Authorization", apiKey);
        return request;
      },
    });
  }

  /** `"sandbox"` for a `test_` key, `"live"` for a `live_` key (loads the key; throws ConfigurationError if missing). */
  get environment(): ComplyCubeEnvironment {
    return complyCubeEnvironment(this.#loadApiKey());
  }

  /** Creates a hosted flow session and returns its `redirectUrl`. */
  async createFlowSession(body: CreateFlowSessionRequest, options?: CallOptions): Promise<FlowSession> {
    return unwrap(PROVIDER, await this.client.POST("/v1/flow/sessions", { body, ...callInit(this.client, options) }));
  }

  /** Creates the client (person or company) a flow session verifies. */
  async createClient(body: CreateClientRequest, options?: CallOptions): Promise<Client> {
    return unwrap(PROVIDER, await this.client.POST("/v1/clients", { body, ...callInit(this.client, options) }));
  }

  /** Retrieves a client by id. */
  async getClient(clientId: string, options?: CallOptions): Promise<Client> {
    return unwrap(
      PROVIDER,
      await this.client.GET("/v1/clients/{clientId}", {
        params: { path: { clientId } },
        ...callInit(this.client, options),
      }),
    );
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

/** Creates a ComplyCube client. The API key is read lazily, so this never throws for a missing key. */
export function createComplyCube(options: ComplyCubeOptions = {}): ComplyCube {
  return new ComplyCube(options);
}

// The contenders: each makes the same logical call (ComplyCube create-flow-session with the spec's
// example body) and returns the hosted URL. `create` builds a client once; the returned function is
// what gets timed. `bundleEntry` is the equivalent one-call program that is bundled for the size table.
import { resolve } from "node:path";
import { ComplyCube as OfficialComplyCube } from "@complycube/api";
import { complyCubeSessions, createComplyCube, type paths } from "@verifetch/complycube";
import axios from "axios";
import createOpenApiClient from "openapi-fetch";
import { createVerifetch } from "verifetch";
import { BENCH_API_KEY, FLOW_SESSION_REQUEST, FLOW_SESSIONS_PATH } from "./bench-fixture.ts";
import {
  createClient as createHeyApiClient,
  createConfig as createHeyApiConfig,
} from "./generated/hey-api/client/index.ts";
import { createFlowSession as heyApiCreateFlowSession } from "./generated/hey-api/index.ts";

/** One timed request; resolves to the session's hosted URL. */
export type BenchCall = () => Promise<string>;

/** Where a one-call program is bundled for. */
export type BundlePlatform = "browser" | "node";

/** A client compared by the bench. */
export interface Contender {
  /** Stable id (also the key in the results). */
  id: string;
  /** Row label in the report. */
  label: string;
  /** npm packages whose versions the report lists and whose production dependencies are counted. */
  packages: string[];
  /** What a program imports to use it (cold import time); `fetch` means the first read of global fetch. */
  imports: string[] | "fetch" | "hey-api";
  /** The one-call program bundled for the size table (ES module source, resolved from bench/src). */
  bundleEntry: string;
  bundlePlatform: BundlePlatform;
  /** Whether the report shows what each module adds to the one-call bundle (verifetch's own contenders). */
  sizeBreakdown?: boolean;
  /** Builds the client against `baseUrl` and returns the call to time. */
  create(baseUrl: string): Promise<BenchCall>;
}

const FLOW_SESSION_FIXTURE = JSON.stringify(resolve(import.meta.dirname, "bench-fixture.ts"));
const HEY_API_DIR = resolve(import.meta.dirname, "generated/hey-api");
// Bundled programs call a fixed loopback URL: the host only changes a string constant, not the size.
const BUNDLE_BASE_URL = "http://127.0.0.1:8080";
const { clientId, ...flowRequestWithoutClientId } = FLOW_SESSION_REQUEST;

/** The facade's unified input that produces exactly FLOW_SESSION_REQUEST. */
export const FACADE_INPUT = {
  reference: "bench",
  redirectUrl: FLOW_SESSION_REQUEST.successUrl,
  cancelUrl: FLOW_SESSION_REQUEST.cancelUrl,
  providerOptions: {
    complycube: {
      clientId: FLOW_SESSION_REQUEST.clientId,
      checkTypes: FLOW_SESSION_REQUEST.checkTypes,
      documentTypes: FLOW_SESSION_REQUEST.documentTypes,
      messages: FLOW_SESSION_REQUEST.messages,
    },
  },
};

function entry(lines: string[]): string {
  return `${lines.join("\n")}\n`;
}

const fixtureImport = `import { FLOW_SESSION_REQUEST as body } from ${FLOW_SESSION_FIXTURE};`;

/** Raw global fetch: the floor every client adds to. */
const rawFetch: Contender = {
  id: "raw-fetch",
  label: "raw `fetch`",
  packages: [],
  imports: "fetch",
  bundlePlatform: "browser",
  bundleEntry: entry([
    fixtureImport,
    `const response = await fetch(${JSON.stringify(`${BUNDLE_BASE_URL}${FLOW_SESSIONS_PATH}`)}, {`,
    `  method: "POST",`,
    `  headers: { "content-type": "application/json", authorization: ${JSON.stringify(BENCH_API_KEY)} },`,
    "  body: JSON.stringify(body),",
    "});",
    `if (!response.ok) throw new Error("HTTP " + response.status);`,
    "console.log((await response.json()).redirectUrl);",
  ]),
  async create(baseUrl) {
    const url = `${baseUrl}${FLOW_SESSIONS_PATH}`;
    return async () => {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: BENCH_API_KEY },
        body: JSON.stringify(FLOW_SESSION_REQUEST),
      });
      if (!response.ok) throw new Error(`raw fetch: HTTP ${response.status}: ${await response.text()}`);
      const session = (await response.json()) as { redirectUrl: string };
      return session.redirectUrl;
    };
  },
};

/** openapi-fetch with @verifetch/complycube's generated `paths`: what our clients are built on. */
const openapiFetch: Contender = {
  id: "openapi-fetch",
  label: "bare openapi-fetch",
  packages: ["openapi-fetch"],
  imports: ["openapi-fetch"],
  bundlePlatform: "browser",
  bundleEntry: entry([
    `import createClient from "openapi-fetch";`,
    fixtureImport,
    `const client = createClient({ baseUrl: ${JSON.stringify(BUNDLE_BASE_URL)}, headers: { Authorization: ${JSON.stringify(BENCH_API_KEY)} } });`,
    `const { data, error } = await client.POST(${JSON.stringify(FLOW_SESSIONS_PATH)}, { body });`,
    "if (error) throw new Error(JSON.stringify(error));",
    "console.log(data.redirectUrl);",
  ]),
  async create(baseUrl) {
    const client = createOpenApiClient<paths>({ baseUrl, headers: { Authorization: BENCH_API_KEY } });
    return async () => {
      const { data, error, response } = await client.POST("/v1/flow/sessions", { body: FLOW_SESSION_REQUEST });
      if (error !== undefined || data === undefined) throw new Error(`openapi-fetch: HTTP ${response.status}`);
      return data.redirectUrl;
    };
  },
};

/** @verifetch/complycube with its defaults (retries on). */
const verifetchComplyCube: Contender = {
  id: "verifetch-complycube",
  label: "`@verifetch/complycube`",
  packages: ["@verifetch/complycube"],
  imports: ["@verifetch/complycube"],
  bundlePlatform: "browser",
  sizeBreakdown: true,
  bundleEntry: entry([
    `import { createComplyCube } from "@verifetch/complycube";`,
    fixtureImport,
    `const complycube = createComplyCube({ apiKey: ${JSON.stringify(BENCH_API_KEY)}, baseUrl: ${JSON.stringify(BUNDLE_BASE_URL)} });`,
    "console.log((await complycube.createFlowSession(body)).redirectUrl);",
  ]),
  async create(baseUrl) {
    const complycube = createComplyCube({ apiKey: BENCH_API_KEY, baseUrl });
    return async () => (await complycube.createFlowSession(FLOW_SESSION_REQUEST)).redirectUrl;
  },
};

/** The verifetch facade over the ComplyCube adapter (input validation, normalized result). */
const facade: Contender = {
  id: "verifetch-facade",
  label: "`verifetch` facade + ComplyCube",
  packages: ["verifetch", "@verifetch/complycube"],
  imports: ["verifetch", "@verifetch/complycube"],
  bundlePlatform: "browser",
  sizeBreakdown: true,
  bundleEntry: entry([
    `import { createVerifetch } from "verifetch";`,
    `import { complyCubeSessions, createComplyCube } from "@verifetch/complycube";`,
    fixtureImport,
    `const complycube = createComplyCube({ apiKey: ${JSON.stringify(BENCH_API_KEY)}, baseUrl: ${JSON.stringify(BUNDLE_BASE_URL)} });`,
    "const vf = createVerifetch({ providers: { complycube: complyCubeSessions(complycube) } });",
    "const { clientId, checkTypes, documentTypes, messages, successUrl, cancelUrl } = body;",
    `const session = await vf.createSession("complycube", {`,
    `  reference: "bench", redirectUrl: successUrl, cancelUrl,`,
    "  providerOptions: { complycube: { clientId, checkTypes, documentTypes, messages } },",
    "});",
    "console.log(session.url);",
  ]),
  async create(baseUrl) {
    const complycube = createComplyCube({ apiKey: BENCH_API_KEY, baseUrl });
    const vf = createVerifetch({ providers: { complycube: complyCubeSessions(complycube) } });
    return async () => (await vf.createSession("complycube", FACADE_INPUT)).url;
  },
};

/** A @hey-api/openapi-ts client generated from specs/complycube.yaml, with its fetch client. */
const heyApi: Contender = {
  id: "hey-api",
  label: "@hey-api/openapi-ts client (generated)",
  packages: ["@hey-api/openapi-ts"],
  imports: "hey-api",
  bundlePlatform: "browser",
  bundleEntry: entry([
    `import { createClient, createConfig } from ${JSON.stringify(`${HEY_API_DIR}/client/index.ts`)};`,
    `import { createFlowSession } from ${JSON.stringify(`${HEY_API_DIR}/index.ts`)};`,
    fixtureImport,
    `const client = createClient(createConfig({ baseUrl: ${JSON.stringify(BUNDLE_BASE_URL)}, auth: ${JSON.stringify(BENCH_API_KEY)} }));`,
    "const { data, error } = await createFlowSession({ client, body });",
    "if (error) throw new Error(JSON.stringify(error));",
    "console.log(data.redirectUrl);",
  ]),
  async create(baseUrl) {
    const client = createHeyApiClient(createHeyApiConfig({ baseUrl, auth: BENCH_API_KEY }));
    return async () => {
      const { data, error, response } = await heyApiCreateFlowSession({ client, body: FLOW_SESSION_REQUEST });
      if (error !== undefined || data === undefined) throw new Error(`hey-api: HTTP ${response?.status}`);
      return data.redirectUrl;
    };
  },
};

/** Plain axios 1.x (node:http adapter on Node). */
const axiosContender: Contender = {
  id: "axios",
  label: "axios",
  packages: ["axios"],
  imports: ["axios"],
  bundlePlatform: "node",
  bundleEntry: entry([
    `import axios from "axios";`,
    fixtureImport,
    `const { data } = await axios.post(${JSON.stringify(`${BUNDLE_BASE_URL}${FLOW_SESSIONS_PATH}`)}, body, { headers: { Authorization: ${JSON.stringify(BENCH_API_KEY)} } });`,
    "console.log(data.redirectUrl);",
  ]),
  async create(baseUrl) {
    const url = `${baseUrl}${FLOW_SESSIONS_PATH}`;
    return async () => {
      const { data } = await axios.post<{ redirectUrl: string }>(url, FLOW_SESSION_REQUEST, {
        headers: { Authorization: BENCH_API_KEY },
      });
      return data.redirectUrl;
    };
  },
};

/**
 * The official SDK. It hard-codes `https://api.complycube.com/v1` as its axios instance's baseURL and
 * has no option for it, but exposes that instance as the public, typed `axiosInstance`: setting its
 * `defaults.baseURL` is the least invasive supported way to point it elsewhere (no patching, no proxy).
 */
const officialSdk: Contender = {
  id: "complycube-api",
  label: "official `@complycube/api` SDK",
  packages: ["@complycube/api"],
  imports: ["@complycube/api"],
  bundlePlatform: "node",
  bundleEntry: entry([
    `import { ComplyCube } from "@complycube/api";`,
    fixtureImport,
    `const complycube = new ComplyCube({ apiKey: ${JSON.stringify(BENCH_API_KEY)} });`,
    `complycube.axiosInstance.defaults.baseURL = ${JSON.stringify(`${BUNDLE_BASE_URL}/v1`)};`,
    "const { clientId, ...request } = body;",
    "console.log((await complycube.flow.createSession(clientId, request)).redirectUrl);",
  ]),
  async create(baseUrl) {
    const complycube = new OfficialComplyCube({ apiKey: BENCH_API_KEY });
    complycube.axiosInstance.defaults.baseURL = `${baseUrl}/v1`;
    return async () => (await complycube.flow.createSession(clientId, flowRequestWithoutClientId)).redirectUrl;
  },
};

/** The ids of the contenders the report always shows first, for ratios. */
export const RAW_FETCH_ID = rawFetch.id;
/** The id of bare openapi-fetch, the second reference for ratios. */
export const OPENAPI_FETCH_ID = openapiFetch.id;
/** The id of @verifetch/complycube with default options. */
export const VERIFETCH_COMPLYCUBE_ID = verifetchComplyCube.id;
/** The id of the facade contender. */
export const FACADE_ID = facade.id;

/** Every contender, in report order. */
export const CONTENDERS: readonly Contender[] = [
  rawFetch,
  openapiFetch,
  verifetchComplyCube,
  facade,
  heyApi,
  axiosContender,
  officialSdk,
];

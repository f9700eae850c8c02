import {
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  InputValidationError,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
} from "@verifetch/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { credentialCases } from "../../../tools/vitest/conformance-suite.ts";
import {
  ARGYLE_HOSTS,
  ARGYLE_SESSION_TTL_MS,
  type Argyle,
  type ArgyleOptions,
  argyleApiClient,
  argyleDescriptor,
  createArgyle,
} from "./index.ts";

const credentials = { apiKeyId: "key_id_123", apiKeySecret: "s3cr3t" };
const verificationId = "43a2c6c3-1e63-91e5-88e3-f9ab2dcc489b";
const userId = "018051aa-f7a9-a0db-2f38-6cfa325e9d69";
const sessionBody = { verification: verificationId, configuration: { redirect_url: "https://app.example/return" } };

function fakeFetch(status: number, body: unknown) {
  return vi.fn(async (_request: Request) => Response.json(body, { status }));
}

function argyleWith(fetch: ArgyleOptions["fetch"], options: ArgyleOptions = {}): Argyle {
  return createArgyle({ ...credentials, fetch, ...options });
}

describe("createArgyle (unit, injected fetch)", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("posts a session to the sandbox host with Basic auth, JSON body and User-Agent", async () => {
    const fetch = fakeFetch(200, { verification: verificationId, link: "https://connect.argyle.com/?x" });
    const session = await argyleWith(fetch).createSession(sessionBody);
    expect(session).toEqual({ verification: verificationId, link: "https://connect.argyle.com/?x" });
    const request = fetch.mock.calls[0]?.[0];
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe("https://api-sandbox.argyle.com/v2/sessions");
    expect(request?.headers.get("Authorization")).toBe(`Basic ${btoa("key_id_123:s3cr3t")}`);
    expect(request?.headers.get("Content-Type")).toBe("application/json");
    expect(request?.headers.get("User-Agent")).toMatch(/^verifetch-argyle\/\d+\.\d+\.\d+/);
    expect(await request?.json()).toEqual(sessionBody);
  });

  it.each([
    ["createUser", (a: Argyle) => a.createUser({ external_id: "u1" }), "POST", "/v2/users"],
    [
      "createVerification",
      (a: Argyle) => a.createVerification({ user: userId, report: { type: "voie" } }),
      "POST",
      "/v2/verifications",
    ],
    ["getVerification", (a: Argyle) => a.getVerification("a/b"), "GET", "/v2/verifications/a%2Fb"],
    [
      "refreshVerification",
      (a: Argyle) => a.refreshVerification({ user: userId, report: { type: "voa" } }),
      "POST",
      "/v2/verifications/refresh",
    ],
    [
      "updateVerification",
      (a: Argyle) => a.updateVerification(verificationId, { billing: { cost_center: "5" } }),
      "PATCH",
      `/v2/verifications/${verificationId}`,
    ],
    [
      "cancelVerification",
      (a: Argyle) => a.cancelVerification(verificationId),
      "POST",
      `/v2/verifications/${verificationId}/cancel`,
    ],
  ])("%s sends %s to the documented path", async (_name, call, method, path) => {
    const fetch = fakeFetch(200, { id: verificationId });
    await call(argyleWith(fetch));
    const request = fetch.mock.calls[0]?.[0];
    expect(request?.method).toBe(method);
    expect(request?.url).toBe(`${ARGYLE_HOSTS.sandbox}${path}`);
  });

  it("lists one page with the filters in the query string", async () => {
    const fetch = fakeFetch(200, { next: null, previous: null, results: [] });
    const page = await argyleWith(fetch).listVerifications({ user: userId, status_state: "COMPLETED", limit: 50 });
    expect(page).toEqual({ next: null, previous: null, results: [] });
    expect(fetch.mock.calls[0]?.[0].url).toBe(
      `${ARGYLE_HOSTS.sandbox}/v2/verifications?user=${userId}&status_state=COMPLETED&limit=50`,
    );
  });

  it("iterates every verification across 3 pages, reading the cursor from each `next` URL", async () => {
    const pages: Record<string, unknown> = {
      first: {
        next: "https://api-sandbox.argyle.com/v2/verifications?cursor=c2&limit=2",
        previous: null,
        results: [{ id: "v1" }, { id: "v2" }],
      },
      c2: {
        // A `next` on another host must not redirect the request: only its cursor is used.
        next: "https://elsewhere.example/v2/verifications?cursor=c3&limit=2",
        previous: "https://api-sandbox.argyle.com/v2/verifications?cursor=c1&limit=2",
        results: [{ id: "v3" }, { id: "v4" }],
      },
      c3: {
        next: null,
        previous: "https://api-sandbox.argyle.com/v2/verifications?cursor=c2",
        results: [{ id: "v5" }],
      },
    };
    const fetch = vi.fn(async (request: Request) =>
      Response.json(pages[new URL(request.url).searchParams.get("cursor") ?? "first"]),
    );
    const ids: (string | undefined)[] = [];
    for await (const verification of argyleWith(fetch).iterateVerifications({ user: userId, limit: 2 })) {
      ids.push(verification.id);
    }
    expect(ids).toEqual(["v1", "v2", "v3", "v4", "v5"]);
    expect(fetch.mock.calls.map(([request]) => request.url)).toEqual([
      `${ARGYLE_HOSTS.sandbox}/v2/verifications?user=${userId}&limit=2`,
      `${ARGYLE_HOSTS.sandbox}/v2/verifications?user=${userId}&limit=2&cursor=c2`,
      `${ARGYLE_HOSTS.sandbox}/v2/verifications?user=${userId}&limit=2&cursor=c3`,
    ]);
    expect(fetch.mock.calls.every(([request]) => request.headers.get("Authorization")?.startsWith("Basic "))).toBe(
      true,
    );
  });

  // A static mock serving the vendor's first page answers every cursor with the same page: a
  // `next` that repeats the cursor just sent would loop forever, so the iterator refuses it.
  it("refuses a next link that repeats the cursor it was fetched with (InvalidResponseError)", async () => {
    const firstPage = {
      next: "https://api-sandbox.argyle.com/v2/verifications?cursor=ZXhhbXBsZV9jdXJzb3I",
      previous: null,
      results: [{ id: "v1" }, { id: "v2" }],
    };
    const fetch = vi.fn(async (_request: Request) => Response.json(firstPage));
    const ids: (string | undefined)[] = [];
    const iterate = async () => {
      for await (const verification of argyleWith(fetch).iterateVerifications({ limit: 2 })) ids.push(verification.id);
    };
    const error = await iterate().catch((e: unknown) => e);
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(
      /^argyle sent a next-page link without a new "cursor", so the list cannot go on: .*cursor=ZXhhbXBsZV9jdXJzb3I/,
    );
    expect(ids).toEqual(["v1", "v2", "v1", "v2"]);
    expect(fetch.mock.calls.map(([request]) => new URL(request.url).search)).toEqual([
      "?limit=2",
      "?limit=2&cursor=ZXhhbXBsZV9jdXJzb3I",
    ]);
  });

  it("stops iterating with the typed error when a page fails", async () => {
    let calls = 0;
    const fetch = vi.fn(async () =>
      ++calls === 1
        ? Response.json({ next: `${ARGYLE_HOSTS.sandbox}/v2/verifications?cursor=c2`, results: [{ id: "v1" }] })
        : Response.json({ detail: "Invalid username/password." }, { status: 401 }),
    );
    const seen: unknown[] = [];
    const iterate = async () => {
      for await (const verification of argyleWith(fetch).iterateVerifications()) seen.push(verification);
    };
    await expect(iterate()).rejects.toBeInstanceOf(AuthenticationError);
    expect(seen).toEqual([{ id: "v1" }]);
  });

  it("picks the host from `environment`, sandbox by default", () => {
    expect(createArgyle().environment).toBe("sandbox");
    expect(createArgyle({ environment: "live" }).environment).toBe("live");
    expect(createArgyle({ baseUrl: ARGYLE_HOSTS.live }).environment).toBe("live");
    expect(createArgyle({ baseUrl: "http://127.0.0.1:4010" }).environment).toBe("sandbox");
    expect(createArgyle({ baseUrl: "https://proxy.example", environment: "live" }).environment).toBe("live");
  });

  it("sends live calls to the production host", async () => {
    const fetch = fakeFetch(200, {});
    await argyleWith(fetch, { environment: "live" }).getVerification(verificationId);
    expect(fetch.mock.calls[0]?.[0].url).toBe(`https://api.argyle.com/v2/verifications/${verificationId}`);
  });

  it("refuses an Argyle host that contradicts `environment` at construction, before any request", () => {
    const fetch = fakeFetch(200, {});
    const build = () => argyleWith(fetch, { baseUrl: ARGYLE_HOSTS.live, environment: "sandbox" });
    expect(build).toThrow(ConfigurationError);
    expect(build).toThrow(/is the live host but environment is "sandbox"/);
    expect(() => argyleWith(fetch, { baseUrl: `${ARGYLE_HOSTS.sandbox}/`, environment: "live" })).toThrow(
      ConfigurationError,
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it("refuses an unknown environment name", () => {
    const environment = "production" as unknown as "live";
    expect(() => createArgyle({ environment })).toThrow(ConfigurationError);
  });

  it("throws typed errors carrying Argyle's error body", async () => {
    const unauthorized = argyleWith(fakeFetch(401, { detail: "Invalid environment." }));
    const error = await unauthorized.createSession(sessionBody).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ provider: "argyle", status: 401, body: { detail: "Invalid environment." } });
    expect((error as Error).message).toBe("argyle responded 401: Invalid environment.");

    const missing = argyleWith(fakeFetch(404, { detail: "Not found." }));
    await expect(missing.getVerification(verificationId)).rejects.toBeInstanceOf(NotFoundError);
    const invalid = argyleWith(fakeFetch(400, { verification: ["Must be a valid UUID."] }));
    const badRequest = await invalid.createSession(sessionBody).catch((e: unknown) => e);
    expect(badRequest).toBeInstanceOf(BadRequestError);
    expect(badRequest).toMatchObject({ body: { verification: ["Must be a valid UUID."] } });
  });

  // Argyle documents no idempotency key: a create call that may have reached it is never repeated.
  it("never retries a create call after a 5xx, but retries a read", async () => {
    const instant = { sleep: async () => {} };
    const fetch = fakeFetch(503, { detail: "A server error occurred." });
    await expect(argyleWith(fetch, { clock: instant }).createSession(sessionBody)).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(fetch).toHaveBeenCalledTimes(1);
    fetch.mockClear();
    await expect(argyleWith(fetch, { clock: instant }).getVerification(verificationId)).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it("refuses an idempotencyKey, which Argyle would ignore, before sending", async () => {
    const fetch = fakeFetch(200, {});
    const error = await argyleWith(fetch)
      .createSession(sessionBody, { idempotencyKey: "k1" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputValidationError);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("sends argyleApiClient(...) calls with the same host and Basic auth, returning { data, error, response }", async () => {
    const fetch = fakeFetch(404, { detail: "Not found." });
    const result = await argyleApiClient(argyleWith(fetch)).GET("/v2/verifications/{id}", {
      params: { path: { id: verificationId } },
    });
    expect(result.data).toBeUndefined();
    expect(result.error).toEqual({ detail: "Not found." });
    expect(result.response.status).toBe(404);
    const request = fetch.mock.calls[0]?.[0];
    expect(request?.url).toBe(`${ARGYLE_HOSTS.sandbox}/v2/verifications/${verificationId}`);
    expect(request?.headers.get("Authorization")).toBe(`Basic ${btoa("key_id_123:s3cr3t")}`);
  });

  it("redacts the key id, the secret and the Basic token when Argyle (or a proxy) echoes them back", async () => {
    const token = btoa("key_id_123:s3cr3t");
    const echo = { detail: `rejected Basic ${token} for key_id_123 / s3cr3t` };
    const error = await argyleWith(fakeFetch(401, echo))
      .getVerification(verificationId)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ body: { detail: "rejected Basic *** for *** / ***" } });
    const shown = `${String(error)} ${JSON.stringify(error)}`;
    for (const secret of [token, "key_id_123", "s3cr3t"]) expect(shown).not.toContain(secret);
  });

  it("does not expose the credentials through JSON or inspection", () => {
    const argyle = createArgyle({ apiKeyId: "id_visible_nowhere", apiKeySecret: "supersecret" });
    const dump = JSON.stringify(argyle) + Object.values(argyle).map(String).join();
    expect(dump).not.toContain("supersecret");
    expect(dump).not.toContain("id_visible_nowhere");
  });

  it("refuses plain http to a non-loopback host", () => {
    expect(() => createArgyle({ baseUrl: "http://api.argyle.com" })).toThrow(ConfigurationError);
  });

  it("documents the one-hour session link lifetime", () => {
    expect(ARGYLE_SESSION_TTL_MS).toBe(60 * 60 * 1000);
  });
});

credentialCases({
  descriptor: argyleDescriptor,
  create: (fetch) => createArgyle({ fetch }),
  call: (client) => client.createSession(sessionBody),
  response: { link: "https://connect.argyle.com/x" },
});

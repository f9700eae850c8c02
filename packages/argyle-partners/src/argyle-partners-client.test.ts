import {
  AuthenticationError,
  ConfigurationError,
  InputValidationError,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
} from "@verifetch/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { credentialCases } from "../../../tools/vitest/conformance-suite.ts";
import {
  ARGYLE_PARTNERS_HOSTS,
  ARGYLE_PARTNERS_SESSION_TTL_MS,
  type ArgylePartners,
  type ArgylePartnersOptions,
  argylePartnersApiClient,
  argylePartnersDescriptor,
  createArgylePartners,
} from "./index.ts";

const credentials = { apiKeyId: "key_id_123", apiKeySecret: "s3cr3t" };
const clientId = "39096494-45c8-4fd8-9454-3d1cb2d62db7";
const userId = "018051aa-f7a9-a0db-2f38-6cfa325e9d69";
const verificationId = "43a2c6c3-1e63-91e5-88e3-f9ab2dcc489b";
const sessionBody = { verification: verificationId, configuration: { redirect_url: "https://app.example/return" } };
const sandbox = ARGYLE_PARTNERS_HOSTS.sandbox;

function fakeFetch(status: number, body: unknown) {
  return vi.fn(async (_request: Request) => Response.json(body, { status }));
}

function partnersWith(fetch: ArgylePartnersOptions["fetch"], options: ArgylePartnersOptions = {}): ArgylePartners {
  return createArgylePartners({ ...credentials, fetch, ...options });
}

describe("createArgylePartners (unit, injected fetch)", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("posts a session to the sandbox partner path with Basic auth, JSON body and User-Agent", async () => {
    const fetch = fakeFetch(200, { verification: verificationId, link: "https://connect.argyle.com/?x" });
    const session = await partnersWith(fetch).createSession(sessionBody);
    expect(session).toEqual({ verification: verificationId, link: "https://connect.argyle.com/?x" });
    const request = fetch.mock.calls[0]?.[0];
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe("https://api-sandbox.argyle.com/partners/v2/sessions");
    expect(request?.headers.get("Authorization")).toBe(`Basic ${btoa("key_id_123:s3cr3t")}`);
    expect(request?.headers.get("Content-Type")).toBe("application/json");
    expect(request?.headers.get("User-Agent")).toMatch(/^verifetch-argyle-partners\/\d+\.\d+\.\d+/);
    expect(await request?.json()).toEqual(sessionBody);
  });

  it.each([
    ["createUser", (p: ArgylePartners) => p.createUser({ client: clientId }), "POST", "/partners/v2/users"],
    [
      "createVerification",
      (p: ArgylePartners) => p.createVerification({ client: clientId, user: userId, report: { type: "voie" } }),
      "POST",
      "/partners/v2/verifications",
    ],
    ["getVerification", (p: ArgylePartners) => p.getVerification("a/b"), "GET", "/partners/v2/verifications/a%2Fb"],
  ])("%s sends %s to the documented path", async (_name, call, method, path) => {
    const fetch = fakeFetch(200, { id: verificationId });
    await call(partnersWith(fetch));
    const request = fetch.mock.calls[0]?.[0];
    expect(request?.method).toBe(method);
    expect(request?.url).toBe(`${sandbox}${path}`);
  });

  it("lists one page with the filters in the query string", async () => {
    const fetch = fakeFetch(200, { next: null, previous: null, results: [] });
    await partnersWith(fetch).listVerifications({ client: clientId, report_type: "voai", limit: 200 });
    expect(fetch.mock.calls[0]?.[0].url).toBe(
      `${sandbox}/partners/v2/verifications?client=${clientId}&report_type=voai&limit=200`,
    );
  });

  it("iterates every verification across 3 pages, reading the cursor from each `next` URL", async () => {
    const pages: Record<string, unknown> = {
      first: {
        next: `${sandbox}/partners/v2/verifications?cursor=c2&limit=2`,
        previous: null,
        results: [{ id: "v1" }, { id: "v2" }],
      },
      c2: {
        // A `next` on another host must not redirect the request: only its cursor is used.
        next: "https://elsewhere.example/partners/v2/verifications?cursor=c3&limit=2",
        previous: `${sandbox}/partners/v2/verifications?cursor=c1&limit=2`,
        results: [{ id: "v3" }, { id: "v4" }],
      },
      c3: { next: null, previous: `${sandbox}/partners/v2/verifications?cursor=c2`, results: [{ id: "v5" }] },
    };
    const fetch = vi.fn(async (request: Request) =>
      Response.json(pages[new URL(request.url).searchParams.get("cursor") ?? "first"]),
    );
    const ids: (string | undefined)[] = [];
    for await (const verification of partnersWith(fetch).iterateVerifications({ client: clientId, limit: 2 })) {
      ids.push(verification.id);
    }
    expect(ids).toEqual(["v1", "v2", "v3", "v4", "v5"]);
    expect(fetch.mock.calls.map(([request]) => request.url)).toEqual([
      `${sandbox}/partners/v2/verifications?client=${clientId}&limit=2`,
      `${sandbox}/partners/v2/verifications?client=${clientId}&limit=2&cursor=c2`,
      `${sandbox}/partners/v2/verifications?client=${clientId}&limit=2&cursor=c3`,
    ]);
  });

  // A static mock serving the vendor's first page answers every cursor with the same page: a
  // `next` that repeats the cursor just sent would loop forever, so the iterator refuses it.
  it("refuses a next link that repeats the cursor it was fetched with (InvalidResponseError)", async () => {
    const firstPage = {
      next: "https://api-sandbox.argyle.com/partners/v2/verifications?cursor=ZXhhbXBsZV9jdXJzb3I",
      previous: null,
      results: [{ id: "v1" }, { id: "v2" }],
    };
    const fetch = vi.fn(async (_request: Request) => Response.json(firstPage));
    const ids: (string | undefined)[] = [];
    const iterate = async () => {
      for await (const verification of partnersWith(fetch).iterateVerifications({ limit: 2 }))
        ids.push(verification.id);
    };
    const error = await iterate().catch((e: unknown) => e);
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(
      /^argyle-partners sent a next-page link without a new "cursor", so the list cannot go on: .*cursor=ZXhhbXBsZV9jdXJzb3I/,
    );
    expect(ids).toEqual(["v1", "v2", "v1", "v2"]);
    expect(fetch.mock.calls.map(([request]) => new URL(request.url).search)).toEqual([
      "?limit=2",
      "?limit=2&cursor=ZXhhbXBsZV9jdXJzb3I",
    ]);
  });

  it("picks the host from `environment`, sandbox by default", async () => {
    expect(createArgylePartners().environment).toBe("sandbox");
    expect(createArgylePartners({ baseUrl: ARGYLE_PARTNERS_HOSTS.live }).environment).toBe("live");
    expect(createArgylePartners({ baseUrl: "http://127.0.0.1:4010" }).environment).toBe("sandbox");
    const fetch = fakeFetch(200, {});
    const live = partnersWith(fetch, { environment: "live" });
    expect(live.environment).toBe("live");
    await live.getVerification(verificationId);
    expect(fetch.mock.calls[0]?.[0].url).toBe(`https://api.argyle.com/partners/v2/verifications/${verificationId}`);
  });

  it("refuses an Argyle host that contradicts `environment` at construction, before any request", () => {
    const fetch = fakeFetch(200, {});
    expect(() => partnersWith(fetch, { baseUrl: ARGYLE_PARTNERS_HOSTS.sandbox, environment: "live" })).toThrow(
      /Argyle Partners: baseUrl https:\/\/api-sandbox\.argyle\.com is the sandbox host but environment is "live"/,
    );
    expect(() => partnersWith(fetch, { baseUrl: ARGYLE_PARTNERS_HOSTS.live, environment: "sandbox" })).toThrow(
      ConfigurationError,
    );
    expect(() => createArgylePartners({ environment: "prod" as unknown as "live" })).toThrow(ConfigurationError);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("throws typed errors carrying Argyle's error body", async () => {
    const unauthorized = partnersWith(fakeFetch(401, { detail: "Invalid username/password." }));
    const error = await unauthorized.createUser({ client: clientId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({
      provider: "argyle-partners",
      status: 401,
      body: { detail: "Invalid username/password." },
    });
    expect((error as Error).message).toBe("argyle-partners responded 401: Invalid username/password.");
    const missing = partnersWith(fakeFetch(404, { detail: "Not found." }));
    await expect(missing.getVerification(verificationId)).rejects.toBeInstanceOf(NotFoundError);
  });

  // Argyle documents no idempotency key: a create call that may have reached it is never repeated.
  it("never retries a create call after a 5xx, but retries a read", async () => {
    const instant = { sleep: async () => {} };
    const fetch = fakeFetch(503, { detail: "A server error occurred." });
    await expect(partnersWith(fetch, { clock: instant }).createSession(sessionBody)).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(fetch).toHaveBeenCalledTimes(1);
    fetch.mockClear();
    await expect(partnersWith(fetch, { clock: instant }).getVerification(verificationId)).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it("refuses an idempotencyKey, which Argyle would ignore, before sending", async () => {
    const fetch = fakeFetch(200, {});
    const error = await partnersWith(fetch)
      .createSession(sessionBody, { idempotencyKey: "k1" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputValidationError);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("sends argylePartnersApiClient(...) calls with the same host and Basic auth, returning { data, error, response }", async () => {
    const fetch = fakeFetch(404, { detail: "Not found." });
    const result = await argylePartnersApiClient(partnersWith(fetch)).GET("/partners/v2/verifications/{id}", {
      params: { path: { id: verificationId } },
    });
    expect(result.data).toBeUndefined();
    expect(result.error).toEqual({ detail: "Not found." });
    expect(result.response.status).toBe(404);
    const request = fetch.mock.calls[0]?.[0];
    expect(request?.url).toBe(`${sandbox}/partners/v2/verifications/${verificationId}`);
    expect(request?.headers.get("Authorization")).toBe(`Basic ${btoa("key_id_123:s3cr3t")}`);
  });

  it("redacts the key id, the secret and the Basic token when Argyle (or a proxy) echoes them back", async () => {
    const token = btoa("key_id_123:s3cr3t");
    const echo = { detail: `rejected Basic ${token} for key_id_123 / s3cr3t` };
    const error = await partnersWith(fakeFetch(401, echo))
      .getVerification(verificationId)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ body: { detail: "rejected Basic *** for *** / ***" } });
    const shown = `${String(error)} ${JSON.stringify(error)}`;
    for (const secret of [token, "key_id_123", "s3cr3t"]) expect(shown).not.toContain(secret);
  });

  it("does not expose the credentials through JSON or inspection", () => {
    const partners = createArgylePartners({ apiKeyId: "id_visible_nowhere", apiKeySecret: "supersecret" });
    const dump = JSON.stringify(partners) + Object.values(partners).map(String).join();
    expect(dump).not.toContain("supersecret");
    expect(dump).not.toContain("id_visible_nowhere");
  });

  it("refuses plain http to a non-loopback host", () => {
    expect(() => createArgylePartners({ baseUrl: "http://api.argyle.com" })).toThrow(ConfigurationError);
  });

  it("documents the one-hour session link lifetime", () => {
    expect(ARGYLE_PARTNERS_SESSION_TTL_MS).toBe(60 * 60 * 1000);
  });
});

credentialCases({
  descriptor: argylePartnersDescriptor,
  create: (fetch) => createArgylePartners({ fetch }),
  call: (client) => client.createSession(sessionBody),
  response: { link: "https://connect.argyle.com/x" },
});

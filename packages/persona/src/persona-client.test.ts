import { AuthenticationError, ConfigurationError, NotFoundError } from "@verifetch/core";
import { describe, expect, it, vi } from "vitest";
import { credentialCases } from "../../../tools/vitest/conformance-suite.ts";
import { createPersona, PERSONA_API_VERSION, PERSONA_BASE_URL, personaApiClient, personaDescriptor } from "./index.ts";

const inquiry = { type: "inquiry", id: "inq_1", attributes: { status: "created", "reference-id": "user_1" } };
const created = {
  data: inquiry,
  meta: {
    "session-token": null,
    "one-time-link": "https://withpersona.com/verify?code=A",
    "one-time-link-short": null,
  },
};
const body = {
  data: { attributes: { "inquiry-template-id": "itmpl_1" } },
  meta: { "auto-create-one-time-link": true },
};
const fakeFetch = (status: number, response: unknown) =>
  vi.fn(async (_request: Request) => Response.json(response, { status }));

describe("createPersona (unit, injected fetch)", () => {
  it("creates an inquiry with a Bearer key, kebab-case keys, a pinned version and an idempotency key", async () => {
    const fetch = fakeFetch(201, created);
    const persona = createPersona({ apiKey: "persona_sandbox_abc", fetch });
    expect(await persona.createInquiry(body)).toEqual(created);
    const request = fetch.mock.calls[0]?.[0];
    expect(request?.url).toBe(`${PERSONA_BASE_URL}/api/v1/inquiries`);
    expect(request?.method).toBe("POST");
    expect(request?.headers.get("Authorization")).toBe("Bearer persona_sandbox_abc");
    expect(request?.headers.get("Key-Inflection")).toBe("kebab");
    expect(request?.headers.get("Persona-Version")).toBe(PERSONA_API_VERSION);
    expect(request?.headers.get("Idempotency-Key")).toMatch(/^[0-9a-f-]{36}$/);
    expect(await request?.json()).toEqual(body);
  });

  it("derives the environment from the key and refuses a foreign key before any request", async () => {
    expect(createPersona({ apiKey: "persona_sandbox_1" }).environment).toBe("sandbox");
    expect(createPersona({ apiKey: "persona_production_1" }).environment).toBe("live");
    const fetch = fakeFetch(201, created);
    const error = await createPersona({ apiKey: "sk_test_1", fetch })
      .createInquiry(body)
      .catch((e: unknown) => e);
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("addresses inquiries by escaped id for get, expire and generate-one-time-link", async () => {
    const fetch = fakeFetch(200, { data: inquiry, meta: { "one-time-link": "a", "one-time-link-short": "b" } });
    const persona = createPersona({ apiKey: "persona_production_1", fetch });
    await persona.getInquiry("inq/1");
    await persona.expireInquiry("inq_2");
    await persona.generateOneTimeLink("inq_3", { meta: { "expires-in-seconds": 3600 } });
    expect(fetch.mock.calls.map(([r]) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      "GET /api/v1/inquiries/inq%2F1",
      "POST /api/v1/inquiries/inq_2/expire",
      "POST /api/v1/inquiries/inq_3/generate-one-time-link",
    ]);
    expect(fetch.mock.calls[0]?.[0].headers.get("Idempotency-Key")).toBeNull();
    expect(fetch.mock.calls[2]?.[0].headers.get("Idempotency-Key")).toBeTruthy();
  });

  it("throws typed errors with Persona's body, and redacts an echoed key", async () => {
    const notFound = { errors: [{ title: "Record not found", details: "data.attributes.inquiry_id is not found" }] };
    const error = await createPersona({ apiKey: "persona_sandbox_1", fetch: fakeFetch(404, notFound) })
      .getInquiry("inq_x")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ provider: "persona", status: 404, body: notFound });
    const apiKey = "persona_sandbox_0123456789abcdef";
    const echo = { errors: [{ title: `Token is invalid: ${apiKey}` }] };
    const unauthorized = await createPersona({ apiKey, fetch: fakeFetch(401, echo) })
      .getInquiry("inq_x")
      .catch((e: unknown) => e);
    expect(unauthorized).toBeInstanceOf(AuthenticationError);
    expect(`${String(unauthorized)} ${JSON.stringify(unauthorized)}`).not.toContain(apiKey);
  });

  it("sends personaApiClient calls with the same key and headers", async () => {
    const fetch = fakeFetch(201, created);
    const result = await personaApiClient(createPersona({ apiKey: "persona_sandbox_abc", fetch })).POST(
      "/api/v1/inquiries",
      { body },
    );
    expect(result.data).toEqual(created);
    const request = fetch.mock.calls[0]?.[0];
    expect(request?.headers.get("Authorization")).toBe("Bearer persona_sandbox_abc");
    expect(request?.headers.get("Idempotency-Key")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

credentialCases({
  descriptor: personaDescriptor,
  create: (fetch) => createPersona({ fetch }),
  call: (client) => client.getInquiry("inq_1"),
});

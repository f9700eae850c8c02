// Contract tests: the client against a Prism mock built from specs/persona.yaml.
import { AuthenticationError } from "@verifetch/core";
import { describe, expect, it } from "vitest";
import {
  coversEveryOperation,
  declaredErrorCases,
  type OperationCall,
  SUCCESS,
} from "../../../tools/vitest/contract-suite.ts";
import { mockBaseUrl } from "../../../tools/vitest/mock-urls.ts";
import { createPersona } from "./index.ts";

const baseUrl = mockBaseUrl("persona");
const persona = createPersona({ apiKey: "persona_sandbox_contract", baseUrl });
const template = { data: { attributes: { "inquiry-template-id": "itmpl_p8ANAJy9iqadm2buF2xcVgqH" } } };

const calls = {
  createInquiry: (call) => persona.createInquiry(template, call),
  getInquiry: (call) => persona.getInquiry("inq_zEx4jL84ShbUyuwX6AzPSqt6", call),
  expireInquiry: (call) => persona.expireInquiry("inq_zEx4jL84ShbUyuwX6AzPSqt6", call),
  generateOneTimeLink: (call) => persona.generateOneTimeLink("inq_zEx4jL84ShbUyuwX6AzPSqt6", {}, call),
} satisfies Record<string, OperationCall>;

describe("Persona contract (Prism)", () => {
  it("createInquiry returns the inquiry and its one-time link (headers pass the spec's validation)", async () => {
    const created = await persona.createInquiry({
      data: {
        attributes: {
          "inquiry-template-id": "itmpl_1",
          "reference-id": "user_123",
          "redirect-uri": "https://a.example",
        },
      },
      meta: { "auto-create-one-time-link": true },
    });
    expect(created.data).toMatchObject({ type: "inquiry", id: "inq_zEx4jL84ShbUyuwX6AzPSqt6" });
    expect(created.meta["one-time-link"]).toBe("https://withpersona.com/verify?code=ABC123");
  });

  it("getInquiry, expireInquiry and generateOneTimeLink return their documented shapes", async () => {
    expect((await calls.getInquiry(SUCCESS)) as object).toMatchObject({ data: { attributes: { status: "approved" } } });
    expect((await calls.expireInquiry(SUCCESS)) as object).toMatchObject({
      data: { attributes: { status: "expired" } },
    });
    expect((await calls.generateOneTimeLink(SUCCESS)) as object).toMatchObject({
      meta: { "one-time-link": expect.stringMatching(/^https:\/\//) },
    });
  });

  coversEveryOperation("persona", calls);
  declaredErrorCases("persona", calls, (body) => {
    expect(body).toEqual({ errors: [expect.objectContaining({ title: expect.any(String) })] });
  });

  it("a request without credentials is refused with AuthenticationError", async () => {
    const anonymous = createPersona({
      apiKey: "persona_sandbox_contract",
      baseUrl,
      fetch: (request) => {
        request.headers.delete("Authorization");
        return fetch(request);
      },
    });
    await expect(anonymous.createInquiry(template)).rejects.toBeInstanceOf(AuthenticationError);
  });
});

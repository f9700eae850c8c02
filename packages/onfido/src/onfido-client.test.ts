import { ConfigurationError } from "@verifetch/core";
import { describe, expect, it, vi } from "vitest";
import { credentialCases } from "../../../tools/vitest/conformance-suite.ts";
import {
  createOnfido,
  ONFIDO_BASE_URL,
  onfidoDescriptor,
  onfidoEnvironment,
  onfidoSessions,
  workflowRunLinkLanguageValues,
} from "./index.ts";

const run = { id: "run_1", applicant_id: "a1", workflow_id: "w1", link: { url: "https://eu.onfido.app/l/run_1" } };

describe("Onfido client", () => {
  it("sends `Authorization: Token token=<token>` to the EU host by default", async () => {
    const fetch = vi.fn(async (_request: Request) => Response.json(run, { status: 201 }));
    const onfido = createOnfido({ apiToken: "api_sandbox.abc", fetch });
    await onfido.createWorkflowRun({ workflow_id: "w1", applicant_id: "a1" });
    const request = fetch.mock.calls[0]?.[0];
    expect(request?.url).toBe("https://api.eu.onfido.com/v3.6/workflow_runs");
    expect(request?.headers.get("Authorization")).toBe("Token token=api_sandbox.abc");
    expect(ONFIDO_BASE_URL).toBe("https://api.eu.onfido.com/v3.6");
  });

  it("another region is its host as `baseUrl` (the spec's servers)", async () => {
    const fetch = vi.fn(async (_request: Request) => Response.json(run, { status: 200 }));
    const onfido = createOnfido({ apiToken: "api_live.abc", baseUrl: "https://api.us.onfido.com/v3.6", fetch });
    await onfido.findWorkflowRun("run_1");
    expect(fetch.mock.calls[0]?.[0].url).toBe("https://api.us.onfido.com/v3.6/workflow_runs/run_1");
  });

  it("tells sandbox from live by the token's prefix, and refuses any other token before sending", async () => {
    expect(onfidoEnvironment("api_sandbox.x")).toBe("sandbox");
    expect(onfidoEnvironment("api_sandbox_us.x")).toBe("sandbox");
    expect(onfidoEnvironment("api_live.x")).toBe("live");
    const fetch = vi.fn(async (_request: Request) => Response.json(run));
    const error = await createOnfido({ apiToken: "sk_live_other", fetch })
      .findWorkflowRun("run_1")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(String(error)).not.toContain("sk_live_other");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("the adapter's languages are the link's locales (the spec's enum), by language", () => {
    const adapter = onfidoSessions(createOnfido({ apiToken: "api_sandbox.x" }));
    expect(adapter.languages).toEqual(workflowRunLinkLanguageValues.map((locale) => locale.slice(0, 2)));
  });
});

credentialCases({
  descriptor: onfidoDescriptor,
  create: (fetch) => createOnfido({ fetch }),
  call: (client) => client.createWorkflowRun({ workflow_id: "w1", applicant_id: "a1" }),
  response: run,
});

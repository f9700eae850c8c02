// Seed 000 (Argyle "Create a session"): its example requests must be accepted by the Prism mock of
// specs/argyle.yaml, and the client must hand back its example responses unchanged.
import { describe, expect, it } from "vitest";
import { mockBaseUrl } from "../../../tools/vitest/mock-urls.ts";
import { type CreateSessionRequest, createArgyle, type Session } from "./argyle-client.ts";
import {
  seedBankingRequest,
  seedBankingResponse,
  seedPayrollRequest,
  seedPayrollResponse,
} from "./fixtures/seed-000.ts";

describe("Argyle seed 000 (Prism)", () => {
  it.each<[string, CreateSessionRequest, Session]>([
    ["payroll", seedPayrollRequest, seedPayrollResponse],
    ["banking", seedBankingRequest, seedBankingResponse],
  ])("the %s example request is accepted and the example response comes back", async (example, request, response) => {
    const exchanges: { body: unknown; violations: string | null }[] = [];
    const argyle = createArgyle({
      apiKeyId: "seed_id",
      apiKeySecret: "seed_secret",
      baseUrl: mockBaseUrl("argyle"),
      fetch: async (outgoing) => {
        const body: unknown = await outgoing.clone().json();
        const answer = await fetch(outgoing);
        exchanges.push({ body, violations: answer.headers.get("sl-violations") });
        return answer;
      },
    });
    const session = await argyle.createSession(request, { headers: { Prefer: `example=${example}` } });
    expect(session).toEqual(response);
    expect(exchanges).toEqual([{ body: request, violations: null }]);
  });
});

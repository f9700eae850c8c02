// ComplyCube's outcome is that of the checks a flow session ran on its client (the spec's
// `x-verifetch-outcomes.read`: listChecks by clientId, the least favourable check wins): every
// documented status and outcome, alone and in every pair, through the generated result adapter.
import { describe, expect, it } from "vitest";
import { type Check, checkOutcomeValues, checkStatusValues, complyCubeResults, createComplyCube } from "./index.ts";

let next = 0;
/** A check of `type` in `status`, with `outcome` as its result once complete. */
function check(status: string, outcome?: string | null, type = "document_check"): Check {
  next += 1;
  return {
    id: `5eb2b61e02df0a0008f1${String(next).padStart(4, "0")}`,
    clientId: "5eb04fcd0f3e360008035eb1",
    entityName: "John Doe",
    type,
    status,
    ...(outcome !== undefined && { result: outcome === null ? null : { outcome } }),
  } as Check;
}

/** The outcome of a client whose checks are `checks`, read through a fetch that answers the list; and the query sent. */
async function outcomeOf(checks: Check[]) {
  const urls: string[] = [];
  const client = createComplyCube({
    apiKey: "test_results",
    fetch: async (request) => {
      urls.push(request.url);
      const page = { page: 1, pageSize: 100, totalItems: checks.length, pages: 1, items: checks };
      return new Response(JSON.stringify(page), { headers: { "content-type": "application/json" } });
    },
  });
  const outcome = await complyCubeResults(client).getOutcome("5eb04fcd0f3e360008035eb1");
  return { ...outcome, urls };
}

// Each check as the adapter reads it, least to most favourable rank (the outcome decides).
const LADDER = [
  { name: "complete, rejected", make: () => check("complete", "rejected"), status: "rejected", outcome: "declined" },
  { name: "complete, attention", make: () => check("complete", "attention"), status: "attention", outcome: "review" },
  {
    name: "complete, match_confirmed",
    make: () => check("complete", "match_confirmed"),
    status: "match_confirmed",
    outcome: "review",
  },
  { name: "failed", make: () => check("failed"), status: "failed", outcome: "unknown" },
  { name: "complete, no result", make: () => check("complete", null), status: "complete", outcome: "unknown" },
  {
    name: "complete, undocumented outcome",
    make: () => check("complete", "not_processed"),
    status: "not_processed",
    outcome: "unknown",
  },
  { name: "pending", make: () => check("pending"), status: "pending", outcome: "pending" },
  { name: "complete, clear", make: () => check("complete", "clear"), status: "clear", outcome: "approved" },
] as const;
const RANK = ["declined", "review", "unknown", "pending", "approved"];

describe("complyCubeResults", () => {
  it("reads the client's checks by clientId; no check yet is pending", async () => {
    const read = await outcomeOf([]);
    expect(read.urls).toEqual(["https://api.complycube.com/v1/checks?clientId=5eb04fcd0f3e360008035eb1"]);
    expect(read).toMatchObject({ outcome: "pending", terminal: false, status: null, reasons: [] });
  });

  it("covers every documented status and outcome (the spec's enums)", () => {
    const covered = new Set<string>(LADDER.map((step) => step.status));
    for (const value of [...checkOutcomeValues, ...checkStatusValues]) expect(covered).toContain(value);
  });

  it.each(LADDER.map((step) => [step.name, step] as const))("one check %s", async (_name, step) => {
    const read = await outcomeOf([step.make()]);
    expect(read.status).toBe(step.status);
    expect(read.outcome).toBe(step.outcome);
  });

  // Every pair, in both orders: the less favourable outcome wins; at equal rank the first found (the most recent).
  const pairs = LADDER.flatMap((a) => LADDER.map((b) => [a, b] as const));
  it.each(pairs.map(([a, b]) => [a.name, b.name, a, b] as const))("%s then %s", async (_a, _b, a, b) => {
    const expected = RANK.indexOf(b.outcome) < RANK.indexOf(a.outcome) ? b : a;
    expect((await outcomeOf([a.make(), b.make()])).status).toBe(expected.status);
  });

  it("all clear is approved, with no reason; every other check is a reason naming its type", async () => {
    const clear = ["document_check", "identity_check"].map((type) => check("complete", "clear", type));
    expect(await outcomeOf(clear)).toMatchObject({ outcome: "approved", terminal: true, reasons: [] });
    const mixed = await outcomeOf([
      check("complete", "clear", "extensive_screening_check"),
      check("complete", "attention", "extensive_screening_check"),
      check("pending", undefined, "identity_check"),
      check("complete", "rejected", "document_check"),
    ]);
    expect(mixed).toMatchObject({ outcome: "declined", terminal: true, status: "rejected" });
    expect(mixed.reasons).toEqual([
      { code: "attention", text: "extensive_screening_check" },
      { code: "pending", text: "identity_check" },
      { code: "rejected", text: "document_check" },
    ]);
  });

  it("an undocumented status, or one named like an Object.prototype key, is unknown: never clear", async () => {
    expect(await outcomeOf([check("complete", "clear"), check("cancelled")])).toMatchObject({
      outcome: "unknown",
      status: "cancelled",
    });
    expect((await outcomeOf([check("pending"), check("constructor")])).outcome).toBe("unknown");
  });
});

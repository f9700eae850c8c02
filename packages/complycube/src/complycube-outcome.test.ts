import { describe, expect, it } from "vitest";
import { complyCubeOutcomeOf } from "./complycube-outcome.ts";
import { type Check, checkOutcomeValues, checkStatusValues, complyCubeOutcomes } from "./index.ts";

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

/** What the facade makes of a status: the spec's table, `unknown` for anything it does not name. */
function mapped(status: string | null): string {
  const statuses: Record<string, string> = complyCubeOutcomes.statuses;
  return status !== null && Object.hasOwn(statuses, status) ? (statuses[status] as string) : "unknown";
}

// Each check as the function reads it, least to most severe; the three "undecided" ones share a rank.
const LADDER: { name: string; make: () => Check; status: string; rank: number }[] = [
  { name: "complete, clear", make: () => check("complete", "clear"), status: "clear", rank: 0 },
  { name: "pending", make: () => check("pending"), status: "pending", rank: 1 },
  { name: "failed", make: () => check("failed"), status: "failed", rank: 2 },
  { name: "complete, no result", make: () => check("complete", null), status: "complete", rank: 2 },
  {
    name: "complete, undocumented outcome",
    make: () => check("complete", "not_processed"),
    status: "not_processed",
    rank: 2,
  },
  { name: "complete, attention", make: () => check("complete", "attention"), status: "attention", rank: 3 },
  {
    name: "complete, match_confirmed",
    make: () => check("complete", "match_confirmed"),
    status: "match_confirmed",
    rank: 4,
  },
  { name: "complete, rejected", make: () => check("complete", "rejected"), status: "rejected", rank: 5 },
];

describe("complyCubeOutcomeOf", () => {
  it("has no status and no reason while the client has no check", () => {
    expect(complyCubeOutcomeOf([])).toEqual({ status: null, reasons: [] });
    expect(mapped(complyCubeOutcomeOf([]).status)).toBe("unknown");
  });

  it("covers every documented status and outcome (the spec's enums), each alone", () => {
    const covered = new Set(LADDER.map((step) => step.status));
    for (const value of [...checkOutcomeValues, ...checkStatusValues]) expect(covered).toContain(value);
  });

  it.each([
    ["complete, clear", "clear", "approved"],
    ["pending", "pending", "pending"],
    ["failed", "failed", "unknown"],
    ["complete, no result", "complete", "unknown"],
    ["complete, undocumented outcome", "not_processed", "unknown"],
    ["complete, attention", "attention", "review"],
    ["complete, match_confirmed", "match_confirmed", "review"],
    ["complete, rejected", "rejected", "declined"],
  ])("one check %s: status %s, outcome %s", (name, status, outcome) => {
    const step = LADDER.find((entry) => entry.name === name);
    const result = complyCubeOutcomeOf([(step as (typeof LADDER)[number]).make()]);
    expect(result.status).toBe(status);
    expect(mapped(result.status)).toBe(outcome);
  });

  // Every pair, in both orders: the more severe wins; at equal rank the first found (the most recent) wins.
  const pairs = LADDER.flatMap((a) => LADDER.map((b) => [a, b] as const));
  it.each(pairs.map(([a, b]) => [a.name, b.name, a, b] as const))("%s then %s", (_a, _b, a, b) => {
    const expected = b.rank > a.rank ? b.status : a.status;
    expect(complyCubeOutcomeOf([a.make(), b.make()]).status).toBe(expected);
  });

  it("a rejected check declines whatever else is pending, failed or needs attention", () => {
    const checks = [check("pending"), check("failed"), check("complete", "attention"), check("complete", "rejected")];
    expect(mapped(complyCubeOutcomeOf(checks).status)).toBe("declined");
  });

  it("all clear is approved, with no reason", () => {
    const checks = ["document_check", "identity_check", "extensive_screening_check"].map((type) =>
      check("complete", "clear", type),
    );
    expect(complyCubeOutcomeOf(checks)).toEqual({ status: "clear", reasons: [] });
  });

  it("lists every check that is not clear, in order, naming its type", () => {
    const checks = [
      check("complete", "clear", "extensive_screening_check"),
      check("complete", "attention", "extensive_screening_check"),
      check("pending", undefined, "identity_check"),
      check("failed", undefined, "proof_of_address_check"),
      check("complete", "rejected", "document_check"),
    ];
    expect(complyCubeOutcomeOf(checks).reasons).toEqual([
      { code: "attention", text: "extensive_screening_check: attention" },
      { code: "pending", text: "identity_check: pending" },
      { code: "failed", text: "proof_of_address_check: failed" },
      { code: "rejected", text: "document_check: rejected" },
    ]);
  });

  it("an undocumented status is passed on (mapped to unknown), never read as clear", () => {
    const result = complyCubeOutcomeOf([check("complete", "clear"), check("cancelled")]);
    expect(result).toEqual({
      status: "cancelled",
      reasons: [{ code: "cancelled", text: "document_check: cancelled" }],
    });
    expect(mapped(result.status)).toBe("unknown");
  });

  it("a status named like an Object.prototype key ranks as undecided", () => {
    expect(complyCubeOutcomeOf([check("pending"), check("constructor")]).status).toBe("constructor");
    expect(complyCubeOutcomeOf([check("constructor"), check("complete", "attention")]).status).toBe("attention");
  });

  it("reads result.outcome only on a complete check", () => {
    expect(complyCubeOutcomeOf([check("pending", "clear")]).status).toBe("pending");
    expect(complyCubeOutcomeOf([check("failed", "clear")]).status).toBe("failed");
  });
});

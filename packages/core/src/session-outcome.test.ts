import { describe, expect, it } from "vitest";
import { isTerminalOutcome, OUTCOMES, type OutcomeMapping, outcomeOf, reasonsAt, valueAt } from "./session-outcome.ts";

const mapping: OutcomeMapping = {
  source: "test",
  field: "status",
  statuses: { approved: "approved", completed: "unknown", waiting: "pending" },
};

describe("outcomes", () => {
  it("only approved, declined, completed, expired and abandoned are terminal", () => {
    expect(OUTCOMES.filter(isTerminalOutcome)).toEqual(["approved", "declined", "completed", "expired", "abandoned"]);
  });

  it("maps a documented status, and anything else to unknown (never a success)", () => {
    expect(outcomeOf(mapping, "approved")).toBe("approved");
    expect(outcomeOf(mapping, "waiting")).toBe("pending");
    expect(outcomeOf(mapping, "completed")).toBe("unknown");
    expect(outcomeOf(mapping, "APPROVED")).toBe("unknown");
    expect(outcomeOf(mapping, null)).toBe("unknown");
    expect(outcomeOf(mapping, undefined)).toBe("unknown");
    // An inherited property is no mapping.
    expect(outcomeOf(mapping, "constructor")).toBe("unknown");
    expect(outcomeOf(mapping, "__proto__")).toBe("unknown");
  });
});

describe("reasonsAt", () => {
  it("pairs codes and texts by position, fans out over arrays, and skips absent reasons", () => {
    const body = {
      verification: { reasonCode: 102, reason: "Suspected document tampering." },
      status: { errors: [{ code: "a", message: "A" }, { code: "b" }] },
      reasons: ["document_expired", "face_mismatch"],
      none: { reasonCode: null, reason: null },
    };
    expect(reasonsAt(body, [{ code: "/verification/reasonCode", text: "/verification/reason" }])).toEqual([
      { code: "102", text: "Suspected document tampering." },
    ]);
    expect(reasonsAt(body, [{ code: "/status/errors/*/code", text: "/status/errors/*/message" }])).toEqual([
      { code: "a", text: "A" },
      { code: "b", text: null },
    ]);
    expect(reasonsAt(body, [{ code: "/reasons" }])).toEqual([
      { code: "document_expired", text: null },
      { code: "face_mismatch", text: null },
    ]);
    expect(reasonsAt(body, [{ code: "/none/reasonCode", text: "/none/reason" }, { code: "/absent/x" }])).toEqual([]);
    expect(reasonsAt(body)).toEqual([]);
  });

  it("reads RFC 6901 pointers, escapes included, and never an inherited property", () => {
    expect(valueAt({ "a/b": { "c~d": 1 } }, "/a~1b/c~0d")).toBe(1);
    expect(valueAt({ a: [10, 20] }, "/a/1")).toBe(20);
    expect(valueAt({ a: {} }, "/a/constructor")).toBeUndefined();
    expect(valueAt(null, "/a")).toBeUndefined();
  });
});

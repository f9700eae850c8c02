import { describe, expect, it } from "vitest";
import { isTerminalOutcome, OUTCOMES, type OutcomeMapping, outcomeOf } from "./session-outcome.ts";

const mapping: OutcomeMapping = {
  source: "test",
  field: "status",
  statuses: { approved: "approved", completed: "unknown", waiting: "pending" },
};

describe("outcomes", () => {
  it("only approved, declined, expired and abandoned are terminal", () => {
    expect(OUTCOMES.filter(isTerminalOutcome)).toEqual(["approved", "declined", "expired", "abandoned"]);
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

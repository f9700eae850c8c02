import { describe, expect, it } from "vitest";
import { decideWebhookUpdate, type StoredOutcome } from "./webhook-update-decide.ts";

const at = (iso: string) => new Date(iso);
const event = (fields: Partial<Parameters<typeof decideWebhookUpdate>[1]> = {}) => ({
  sessionId: "s_2",
  outcome: "approved" as const,
  deliveryKey: "acme:evt_9",
  occurredAt: at("2026-12-04T10:05:00Z"),
  ...fields,
});
const stored = (fields: Partial<StoredOutcome> = {}): StoredOutcome => ({
  sessionId: "s_2",
  outcome: "pending",
  occurredAt: at("2026-12-04T10:00:00Z"),
  deliveryKeys: new Set(["acme:evt_1"]),
  ...fields,
});

describe("decideWebhookUpdate", () => {
  it("applies the first event, and a newer one for the session you wait on", () => {
    expect(decideWebhookUpdate(null, event())).toEqual({ apply: true, reason: "first" });
    expect(decideWebhookUpdate(stored(), event())).toEqual({ apply: true, reason: "newer" });
    // An event without a time cannot be older.
    expect(decideWebhookUpdate(stored(), event({ occurredAt: null }))).toEqual({ apply: true, reason: "newer" });
  });

  it("ignores a delivery already handled", () => {
    expect(decideWebhookUpdate(stored(), event({ deliveryKey: "acme:evt_1" }))).toEqual({
      apply: false,
      reason: "duplicate",
    });
  });

  it("ignores events of a session the user replaced", () => {
    expect(decideWebhookUpdate(stored(), event({ sessionId: "s_1" }))).toEqual({
      apply: false,
      reason: "other-session",
    });
  });

  it("never changes a terminal outcome, even for a later event", () => {
    for (const outcome of ["approved", "declined", "completed", "expired", "abandoned"] as const) {
      expect(decideWebhookUpdate(stored({ outcome }), event({ outcome: "pending" }))).toEqual({
        apply: false,
        reason: "terminal",
      });
    }
    // A late "resubmission" after an approval does not downgrade it.
    expect(
      decideWebhookUpdate(stored({ outcome: "approved" }), event({ outcome: "resubmission_requested" })).apply,
    ).toBe(false);
  });

  it("ignores older events and events whose outcome is unknown", () => {
    expect(decideWebhookUpdate(stored(), event({ occurredAt: at("2026-12-04T09:00:00Z") }))).toEqual({
      apply: false,
      reason: "older",
    });
    expect(decideWebhookUpdate(stored(), event({ outcome: "unknown" }))).toEqual({
      apply: false,
      reason: "unknown-outcome",
    });
  });
});

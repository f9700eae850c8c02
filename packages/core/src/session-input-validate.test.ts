import { describe, expect, it } from "vitest";
import { InputValidationError } from "./error-classes.ts";
import { isCountryCode } from "./input-format.ts";
import { validateSessionInput } from "./session-input-validate.ts";
import type { CreateSessionInput } from "./session-provider.ts";

const rules = {
  provider: "Acme",
  languages: ["en", "de"],
  reference: true,
  cancelUrl: true,
  redirectUrl: true,
  country: true,
};
const fieldOf = (run: () => void) => {
  try {
    run();
  } catch (error) {
    if (InputValidationError.isInstance(error)) return error.field;
    throw error;
  }
  return undefined;
};

describe("validateSessionInput", () => {
  it("accepts a complete, valid input", () => {
    expect(
      fieldOf(() =>
        validateSessionInput(
          {
            reference: "user_1",
            redirectUrl: "https://app.example/done",
            cancelUrl: "https://app.example/cancel",
            language: "de",
            country: "GB",
            person: { dateOfBirth: "1990-01-31" },
          },
          rules,
        ),
      ),
    ).toBeUndefined();
  });

  it.each([
    [{ reference: " " }, "reference"],
    [{ reference: "r", redirectUrl: "not a url" }, "redirectUrl"],
    [{ reference: "r", redirectUrl: "http://app.example/done" }, "redirectUrl"],
    [{ reference: "r", cancelUrl: "javascript:alert(1)" }, "cancelUrl"],
    [{ reference: "r", country: "GBR" }, "country"],
    [{ reference: "r", country: "gb" }, "country"],
    [{ reference: "r", country: "XX" }, "country"],
    [{ reference: "r", language: "FR" }, "language"],
    [{ reference: "r", language: "french" }, "language"],
    [{ reference: "r", person: { dateOfBirth: "31/01/1990" } }, "person.dateOfBirth"],
    [{ reference: "r", person: { dateOfBirth: "2020-13-45" } }, "person.dateOfBirth"],
    [{ reference: "r", person: { dateOfBirth: "2021-02-29" } }, "person.dateOfBirth"],
    [{ reference: "r", person: { firstName: 42 } }, "person.firstName"],
    [{ reference: "r", person: { nickname: "A" } }, "person.nickname"],
    [{ reference: "r", redirectUrl: ["https://a.example"] }, "redirectUrl"],
    [{ reference: "r", metadata: "plan=premium" }, "metadata"],
    [{ reference: "r", metadata: { plan: { tier: 1 } } }, "metadata.plan"],
    [{ reference: "r", idempotencyKey: 42 }, "idempotencyKey"],
    [{ reference: "r", idempotencyKey: "" }, "idempotencyKey"],
    [{ reference: "r", signal: "abort" }, "signal"],
    [{ reference: "r", providerOptions: "x" }, "providerOptions"],
    [{ reference: "r", redirectURL: "https://a.example" }, "redirectURL"],
    [JSON.parse('{"reference":"r","__proto__":{"x":1}}'), "__proto__"],
    [null, "input"],
    ["r", "input"],
  ])("refuses %j, naming %s", (input, field) => {
    expect(fieldOf(() => validateSessionInput(input as CreateSessionInput, rules))).toBe(field);
  });

  it("does not refuse, but reports, a well-formed field the provider has no place for", () => {
    const none = { provider: "Acme", languages: null, person: ["firstName" as const] };
    const input = {
      reference: "r",
      redirectUrl: "https://a.example/done",
      cancelUrl: "https://a.example/cancel",
      language: "en",
      country: "GB",
      metadata: { plan: "p" },
      idempotencyKey: "k",
      person: { firstName: "Ada", lastName: "Lovelace" },
    };
    expect(validateSessionInput(input, none)).toEqual([
      { field: "reference", reason: "Acme has no reference field" },
      { field: "redirectUrl", reason: "Acme has no redirect URL" },
      { field: "cancelUrl", reason: "Acme has no cancel URL" },
      { field: "country", reason: "Acme takes no country" },
      { field: "metadata", reason: "Acme takes no metadata" },
      {
        field: "idempotencyKey",
        reason: "Acme documents no idempotency key",
      },
      { field: "language", reason: "Acme takes no language" },
      { field: "person.lastName", reason: "Acme takes no lastName" },
    ]);
    expect(validateSessionInput({ reference: "r", language: "fr" }, rules)).toEqual([
      { field: "language", reason: 'Acme does not offer "fr" (only en, de)' },
    ]);
  });

  it("refuses a missing field the provider requires", () => {
    const strict = { ...rules, required: ["cancelUrl" as const] };
    expect(fieldOf(() => validateSessionInput({ reference: "r" }, strict))).toBe("cancelUrl");
    expect(validateSessionInput({ reference: "r", cancelUrl: "https://a.example/c" }, strict)).toEqual([]);
  });

  it("knows assigned country codes", () => {
    expect(["GB", "US", "EE", "DE"].every(isCountryCode)).toBe(true);
    expect(["XX", "UK", "gb", "G"].some(isCountryCode)).toBe(false);
  });
});

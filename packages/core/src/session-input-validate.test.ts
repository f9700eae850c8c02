import { describe, expect, it } from "vitest";
import { InputValidationError } from "./error-classes.ts";
import { isCountryCode, validateSessionInput } from "./session-input-validate.ts";

const rules = { provider: "Acme", languages: ["en", "de"], cancelUrl: true };
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
    [{ reference: "r", language: "fr" }, "language"],
    [{ reference: "r", person: { dateOfBirth: "31/01/1990" } }, "person.dateOfBirth"],
  ])("refuses %j, naming %s", (input, field) => {
    expect(fieldOf(() => validateSessionInput(input, rules))).toBe(field);
  });

  it("refuses a language or cancel URL for providers that take none", () => {
    const none = { provider: "Acme", languages: null };
    expect(fieldOf(() => validateSessionInput({ reference: "r", language: "en" }, none))).toBe("language");
    expect(fieldOf(() => validateSessionInput({ reference: "r", cancelUrl: "https://a.example" }, none))).toBe(
      "cancelUrl",
    );
  });

  it("knows assigned country codes", () => {
    expect(["GB", "US", "EE", "DE"].every(isCountryCode)).toBe(true);
    expect(["XX", "UK", "gb", "G"].some(isCountryCode)).toBe(false);
  });
});

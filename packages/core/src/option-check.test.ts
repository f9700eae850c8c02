import { describe, expect, it } from "vitest";
import { InputValidationError } from "./error-classes.ts";
import { checkOptionRecord, isRecord } from "./option-check.ts";

describe("isRecord", () => {
  it("holds for plain objects only", () => {
    expect([{}, { a: 1 }, Object.create(null)].map(isRecord)).toEqual([true, true, true]);
    expect([null, undefined, [], "x", 1, true].map(isRecord)).toEqual([false, false, false, false, false, false]);
  });
});

describe("checkOptionRecord", () => {
  const check = (value: unknown, notObject?: string) =>
    checkOptionRecord(value, "providerOptions.acme", ["id", "flag"], notObject);

  it("returns the record when every set key is known (undefined values count as unset)", () => {
    const value = { id: "x", other: undefined };
    expect(check(value)).toBe(value);
  });

  it("names the field when the value is not an object, with the expectation given", () => {
    for (const value of [null, [], "x"]) {
      expect(() => check(value)).toThrow(new InputValidationError("providerOptions.acme", "must be an object"));
    }
    expect(() => check(3, "must be an object { id }")).toThrow("providerOptions.acme: must be an object { id }");
  });

  it("names the first unknown key and lists the known ones", () => {
    const error = (() => {
      try {
        check({ id: "x", colour: "red", size: 1 });
      } catch (e) {
        return e;
      }
    })();
    expect(InputValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      field: "providerOptions.acme.colour",
      message: "providerOptions.acme.colour: is not a known option (known: id, flag)",
    });
  });
});

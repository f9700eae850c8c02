import { describe, expect, it } from "vitest";
import { InputValidationError } from "./error-classes.ts";
import { checkSchema, isRecord } from "./option-check.ts";

describe("isRecord", () => {
  it("holds for plain objects only", () => {
    expect([{}, { a: 1 }, Object.create(null)].map(isRecord)).toEqual([true, true, true]);
    expect([null, undefined, [], "x", 1, true].map(isRecord)).toEqual([false, false, false, false, false, false]);
  });
});

describe("checkSchema on a closed object", () => {
  const check = (value: unknown) =>
    checkSchema(value, { properties: { id: { type: "string" }, flag: { type: "boolean" } } }, "providerOptions.acme");

  it("accepts a record whose set keys are all known (undefined values count as unset)", () => {
    expect(() => check({ id: "x", other: undefined })).not.toThrow();
  });

  it("names the field when the value is not an object, with what was given", () => {
    for (const [value, got] of [
      [null, "null"],
      [[], "[]"],
      ["x", '"x"'],
    ] as const) {
      expect(() => check(value)).toThrow(
        new InputValidationError("providerOptions.acme", `must be an object (got ${got})`),
      );
    }
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

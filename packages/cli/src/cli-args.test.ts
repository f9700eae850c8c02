import { describe, expect, it } from "vitest";
import { parseMetadata, parseOptionValue, parseProviderOptions } from "./cli-args.ts";
import { UsageError } from "./cli-errors.ts";

describe("--option key=value", () => {
  it("parses values as JSON when they parse, else keeps the string", () => {
    expect(parseOptionValue('["document_check","identity_check"]')).toEqual(["document_check", "identity_check"]);
    expect(parseOptionValue("true")).toBe(true);
    expect(parseOptionValue("42")).toBe(42);
    expect(parseOptionValue('"42"')).toBe("42");
    expect(parseOptionValue('{"a":1}')).toEqual({ a: 1 });
    expect(parseOptionValue("5eb04fcd0f3e360008035eb1")).toBe("5eb04fcd0f3e360008035eb1");
    expect(parseOptionValue("43a2c6c3-1e63-91e5-88e3-f9ab2dcc489b")).toBe("43a2c6c3-1e63-91e5-88e3-f9ab2dcc489b");
    expect(parseOptionValue("")).toBe("");
  });

  it("builds one options object; a value may contain '='; dotted keys nest", () => {
    expect(
      parseProviderOptions([
        "clientId=5eb04fcd0f3e360008035eb1",
        'checkTypes=["document_check"]',
        "supportEmail=a=b@example.com",
        "document.type=PASSPORT",
        "document.country=EE",
      ]),
    ).toEqual({
      clientId: "5eb04fcd0f3e360008035eb1",
      checkTypes: ["document_check"],
      supportEmail: "a=b@example.com",
      document: { type: "PASSPORT", country: "EE" },
    });
    expect(parseProviderOptions(['document={"type":"PASSPORT"}', "document.number=X1"])).toEqual({
      document: { type: "PASSPORT", number: "X1" },
    });
  });

  it.each([
    [["clientId"], /key=value/],
    [["=x"], /key=value/],
    [["a..b=1"], /invalid key/],
    [["__proto__.polluted=1"], /invalid key/],
    [["constructor=1"], /invalid key/],
    [["a=1", "a=2"], /given twice/],
    [["a=1", "a.b=2"], /not an object/],
  ])("refuses %j", (assignments, message) => {
    expect(() => parseProviderOptions(assignments)).toThrow(UsageError);
    expect(() => parseProviderOptions(assignments)).toThrow(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("--metadata key=value", () => {
  it("keeps values as strings", () => {
    expect(parseMetadata(["plan=gold", "count=3", "note=a=b"])).toEqual({ plan: "gold", count: "3", note: "a=b" });
  });

  it("refuses malformed and repeated keys", () => {
    expect(() => parseMetadata(["plan"])).toThrow(/key=value/);
    expect(() => parseMetadata(["a=1", "a=2"])).toThrow(/given twice/);
    expect(() => parseMetadata(["__proto__=1"])).toThrow(/invalid key/);
  });
});

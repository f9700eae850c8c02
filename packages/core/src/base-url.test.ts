import { describe, expect, it } from "vitest";
import { assertSafeBaseUrl } from "./base-url.ts";
import { ConfigurationError } from "./error-classes.ts";

const refusal = (url: unknown) => {
  try {
    assertSafeBaseUrl(url as string);
  } catch (error) {
    if (ConfigurationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error(`accepted ${String(url)}`);
};

describe("assertSafeBaseUrl", () => {
  it.each([
    "https://api.example.com",
    "http://127.0.0.1:4010",
    "http://localhost:3000",
    "http://[::1]:8080",
    "http://127.0.0.2",
    "https://api.example.com/prefix/",
  ])("accepts %s", (url) => {
    expect(assertSafeBaseUrl(url).href).toContain(new URL(url).host);
  });

  it.each(["http://api.example.com", "http://10.0.0.1", "ftp://127.0.0.1", "not a url", ""])("refuses %s", (url) => {
    expect(() => assertSafeBaseUrl(url)).toThrow(ConfigurationError);
  });

  it.each([
    "https://user:s3cr3t-pass@api.example.com",
    "http://user:s3cr3t-pass@127.0.0.1:4010",
    "https://s3cr3t-pass@api.example.com/v1",
    "https://user:s3cr3t-pass@api.example.com:bad",
  ])("refuses credentials in %s and never prints them", (url) => {
    const error = refusal(url);
    expect(error.option).toBe("baseUrl");
    expect(error.message).toMatch(/credentials/);
    expect(`${error.message} ${JSON.stringify(error)} ${String(error)}`).not.toContain("s3cr3t-pass");
  });

  it.each([
    "https://api.example.com/?tenant=1",
    "https://api.example.com/#x",
    "https://api.example.com/?",
    "http://127.0.0.1:4010/base?api_key=s3cr3t-pass",
  ])("refuses a query or fragment in %s (it would misroute every path), without printing it", (url) => {
    const error = refusal(url);
    expect(error.message).toMatch(/query or fragment/);
    expect(error.message).not.toContain("s3cr3t-pass");
  });

  it.each([[undefined], [null], [42], [{}]])("refuses %j as a ConfigurationError", (url) => {
    expect(refusal(url).option).toBe("baseUrl");
  });
});

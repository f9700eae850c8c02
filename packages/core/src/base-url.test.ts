import { describe, expect, it } from "vitest";
import { assertSafeBaseUrl } from "./base-url.ts";
import { ConfigurationError } from "./error-classes.ts";

describe("assertSafeBaseUrl", () => {
  it.each([
    "https://api.example.com",
    "http://127.0.0.1:4010",
    "http://localhost:3000",
    "http://[::1]:8080",
    "http://127.0.0.2",
  ])("accepts %s", (url) => {
    expect(assertSafeBaseUrl(url).href).toContain(new URL(url).host);
  });

  it.each(["http://api.example.com", "http://10.0.0.1", "ftp://127.0.0.1", "not a url", ""])("refuses %s", (url) => {
    expect(() => assertSafeBaseUrl(url)).toThrow(ConfigurationError);
  });
});

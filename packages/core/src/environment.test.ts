import { describe, expect, it } from "vitest";
import { resolveHostEnvironment } from "./environment.ts";
import { ConfigurationError } from "./error-classes.ts";

const hosts = { sandbox: "https://api-sandbox.acme.test", live: "https://api.acme.test" };

describe("resolveHostEnvironment", () => {
  it("defaults to the sandbox host and never guesses production", () => {
    expect(resolveHostEnvironment({ provider: "Acme", hosts })).toEqual({
      baseUrl: hosts.sandbox,
      environment: "sandbox",
    });
    expect(resolveHostEnvironment({ provider: "Acme", hosts, environment: "live" })).toEqual({
      baseUrl: hosts.live,
      environment: "live",
    });
  });

  it("derives the environment from a provider host given as baseUrl", () => {
    expect(resolveHostEnvironment({ provider: "Acme", hosts, baseUrl: "https://api.acme.test/" }).environment).toBe(
      "live",
    );
  });

  it("refuses a host and environment that disagree, naming both", () => {
    expect(() =>
      resolveHostEnvironment({ provider: "Acme", hosts, baseUrl: hosts.sandbox, environment: "live" }),
    ).toThrow(ConfigurationError);
    expect(() =>
      resolveHostEnvironment({ provider: "Acme", hosts, baseUrl: hosts.live, environment: "sandbox" }),
    ).toThrow(/https:\/\/api\.acme\.test is the live host but environment is "sandbox"/);
  });

  it("keeps a custom base URL (mock, proxy) with the requested environment", () => {
    expect(
      resolveHostEnvironment({ provider: "Acme", hosts, baseUrl: "http://127.0.0.1:4010", environment: "live" }),
    ).toEqual({
      baseUrl: "http://127.0.0.1:4010",
      environment: "live",
    });
  });

  it("refuses an unknown environment name", () => {
    expect(() =>
      resolveHostEnvironment({ provider: "Acme", hosts, environment: "production" as unknown as "live" }),
    ).toThrow(/environment must be "sandbox" or "live"/);
  });
});

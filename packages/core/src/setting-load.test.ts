import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigurationError } from "./error-classes.ts";
import { loadSetting } from "./setting-load.ts";

const source = { option: "apiKey", envVar: "ACME_API_KEY", description: "Acme API key" };

describe("loadSetting", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("prefers the option over the environment", () => {
    vi.stubEnv("ACME_API_KEY", "from-env");
    expect(loadSetting({ ...source, value: "from-option" })).toBe("from-option");
  });

  it("falls back to the environment variable, read at call time", () => {
    expect(() => loadSetting({ ...source, value: undefined })).toThrow(ConfigurationError);
    vi.stubEnv("ACME_API_KEY", "  from-env  ");
    expect(loadSetting({ ...source, value: undefined })).toBe("from-env");
  });

  it("names the option and the variable when the setting is missing or blank", () => {
    vi.stubEnv("ACME_API_KEY", "   ");
    const error = (() => {
      try {
        loadSetting({ ...source, value: undefined });
      } catch (caught) {
        return caught;
      }
    })();
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ option: "apiKey", envVar: "ACME_API_KEY" });
    expect((error as Error).message).toBe(
      "Acme API key missing: pass `apiKey` (a non-blank string) or set ACME_API_KEY",
    );
  });

  it.each([[123], [0], [true], [{}], [["k"]], [""], ["   "]])(
    "refuses the option %j instead of coercing it to a string",
    (value) => {
      vi.stubEnv("ACME_API_KEY", "from-env");
      expect(() => loadSetting({ ...source, value: value as unknown as string })).toThrow(ConfigurationError);
    },
  );
});

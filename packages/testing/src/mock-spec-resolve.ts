import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigurationError, InputValidationError } from "@verifetch/core";
import { PROVIDER_NAMES } from "./generated/providers.ts";

export { PROVIDER_NAMES };

/** Options for {@link resolveSpec}. */
export interface ResolveSpecOptions {
  /**
   * A file or folder (path or `file:` URL, e.g. your test's `import.meta.url`) to find the
   * provider packages from, tried first. Without it: where @verifetch/testing itself is installed,
   * the running script, then the working directory.
   */
  resolveFrom?: string | URL | undefined;
}

/** What a provider name looks like (anything else is a path). */
export const PROVIDER_NAME = /^[a-z][a-z0-9-]*$/;

function toPath(location: string | URL): string {
  return location instanceof URL || location.startsWith("file:") ? fileURLToPath(location) : resolve(location);
}

/** Where provider packages are looked for, most specific first. */
function searchBases(options: ResolveSpecOptions): string[] {
  const bases = [
    // A file name for createRequire: its folder is where the lookup starts.
    ...(options.resolveFrom === undefined ? [] : [join(toPath(options.resolveFrom), "noop.js")]),
    fileURLToPath(import.meta.url),
    ...(process.argv[1] ? [resolve(process.argv[1])] : []),
    join(process.cwd(), "noop.js"),
  ];
  return [...new Set(bases)];
}

/**
 * Where a spec lives. A provider name (`"complycube"`) means the `openapi.yaml` shipped in the
 * installed `@verifetch/complycube`, wherever the code runs from (see
 * {@link ResolveSpecOptions.resolveFrom}); anything else is a path or `file:` URL of an OpenAPI document.
 * A name that is no provider is an `InputValidationError` listing the providers; a provider whose
 * package is not installed, a `ConfigurationError` saying what to install.
 */
export function resolveSpec(spec: string | URL, options: ResolveSpecOptions = {}): string {
  if (spec instanceof URL || spec.startsWith("file:")) return toPath(spec);
  if (!PROVIDER_NAME.test(spec)) return resolve(spec);
  const bases = searchBases(options);
  for (const base of bases) {
    try {
      return createRequire(base).resolve(`@verifetch/${spec}/openapi.yaml`);
    } catch {
      // Not installed where this base looks; try the next.
    }
  }
  const installed = installedProviders(bases);
  if (!PROVIDER_NAMES.includes(spec) && !installed.includes(spec)) {
    const known = [...new Set([...PROVIDER_NAMES, ...installed])].sort();
    const guess = closest(spec, known);
    throw new InputValidationError(
      "spec",
      `"${spec}" is not a verifetch provider${guess ? ` (did you mean "${guess}"?)` : ""}; the providers are ${known.join(", ")}. For any other API, pass the path or file: URL of its OpenAPI document`,
    );
  }
  throw new ConfigurationError(
    `The spec of "${spec}" ships in @verifetch/${spec}, which is not installed where @verifetch/testing looks (${bases.map(dirname).join(", ")}): install it (npm install -D @verifetch/${spec}), pass { resolveFrom: import.meta.url } from the code that has it, or pass the path of its openapi.yaml. Installed providers: ${installed.join(", ") || "none"}`,
  );
}

/** The provider packages (those shipping an `openapi.yaml`) in every node_modules the bases look in. */
export function installedProviders(bases: readonly string[]): string[] {
  const found = new Set<string>();
  for (const base of bases) {
    for (const dir of createRequire(base).resolve.paths("@verifetch/x") ?? []) {
      let entries: string[];
      try {
        entries = readdirSync(join(dir, "@verifetch"));
      } catch {
        continue;
      }
      for (const name of entries) {
        try {
          createRequire(base).resolve(`@verifetch/${name}/openapi.yaml`);
          found.add(name);
        } catch {
          // Not a provider package (core, testing, cli), or it ships no spec.
        }
      }
    }
  }
  return [...found].sort();
}

/** The name within edit distance 2 of `name` (the nearest), if any: a typo's likely intent. */
function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    if (distance <= 2 && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

// Which example answers a request when the mock plays an outcome (`mock.scenario("declined")`):
// the example of that name in the response Prism serves by default for the request's operation.
// The spec is read and requests are routed with Prism's own code, so the mock and Prism agree on
// which operation a request is and which examples it has.
import { createRequire } from "node:module";
import { InputValidationError, OUTCOMES, type Outcome } from "@verifetch/core";

/** The outcomes a spec can play, and the example each request gets for one. */
export interface ScenarioCatalog {
  /** The outcomes some operation has an example of that name for, in {@link OUTCOMES} order. */
  readonly offered: readonly Outcome[];
  /** The example name to ask Prism for, or `undefined` when the request's operation has none. */
  exampleFor(method: string, path: string, outcome: Outcome): string | undefined;
}

// The parts of Prism's operation model read here (`IHttpOperation` of @stoplight/types).
interface PrismOperation {
  method: string;
  path: string;
  responses: readonly { code: string; contents?: readonly { examples?: readonly { key: string }[] }[] }[];
}
type Either<T> = { _tag: "Left"; left: unknown } | { _tag: "Right"; right: T };
type Route = (options: {
  resources: readonly PrismOperation[];
  input: { method: string; url: { path: string } };
}) => Either<PrismOperation>;

/** Reads a spec's operations as Prism does; loads Prism's code on first use only. */
export async function loadScenarioCatalog(specPath: string): Promise<ScenarioCatalog> {
  const require = createRequire(import.meta.url);
  const prism = require("@stoplight/prism-http") as {
    getHttpOperationsFromSpec(spec: string): Promise<PrismOperation[]>;
  };
  // Prism's router is not re-exported; the version is pinned exactly (package.json).
  const route = (require("@stoplight/prism-http/dist/router") as { default: Route }).default;
  const operations = await prism.getHttpOperationsFromSpec(specPath);
  const names = new Map(operations.map((operation) => [operation, defaultExampleNames(operation)]));
  const offered = OUTCOMES.filter((outcome) => [...names.values()].some((keys) => keys.has(outcome)));
  return {
    offered,
    exampleFor(method, path, outcome) {
      const routed = route({ resources: operations, input: { method, url: { path } } });
      return routed._tag === "Right" && names.get(routed.right)?.has(outcome) ? outcome : undefined;
    },
  };
}

/** The example names of the response Prism answers with by default: the lowest 2xx. */
function defaultExampleNames(operation: PrismOperation): Set<string> {
  const success = operation.responses
    .filter((response) => /^2(\d\d|XX)$/i.test(response.code))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))[0];
  return new Set(success?.contents?.flatMap((content) => content.examples?.map((example) => example.key) ?? []));
}

/**
 * The outcome, checked: one of {@link OUTCOMES} that the spec has an example for. Anything else is
 * an `InputValidationError` naming the spec and the outcomes it offers.
 */
export function checkScenario(outcome: unknown, catalog: ScenarioCatalog, specName: string): Outcome {
  const offered = catalog.offered.length > 0 ? catalog.offered.join(", ") : "none";
  if (!OUTCOMES.includes(outcome as Outcome)) {
    throw new InputValidationError(
      "outcome",
      `${JSON.stringify(outcome)} is not an outcome (${OUTCOMES.join(", ")}); the spec of ${specName} has examples for: ${offered}`,
    );
  }
  if (!catalog.offered.includes(outcome as Outcome)) {
    throw new InputValidationError(
      "outcome",
      `the spec of ${specName} has no example named "${String(outcome)}" on any operation, so the mock cannot play it; it has examples for: ${offered}`,
    );
  }
  return outcome as Outcome;
}

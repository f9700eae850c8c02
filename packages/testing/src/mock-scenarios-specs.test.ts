// Every example named after an outcome must be that outcome: `mock.scenario("declined")` serves
// it as a declined session. The status an example carries is read generically (no per-provider
// path): the values of its shallowest `status`/`state` properties that the spec's
// `x-verifetch-outcomes.statuses` names.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { OUTCOMES, type Outcome } from "@verifetch/core";
import { createTransport, defineResultAdapter, type OutcomeMapping } from "@verifetch/core/provider";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const SPECS = resolve(import.meta.dirname, "../../../specs");
const STATUS_KEYS = new Set(["status", "state"]);

interface OutcomeExample {
  operationId: string;
  code: string;
  name: Outcome;
  value: unknown;
}

/** The statuses an example carries: its shallowest `status`/`state` values that `statuses` names. */
export function statusesIn(value: unknown, statuses: Readonly<Record<string, string>>): string[] {
  let level: unknown[] = [value];
  while (level.length > 0) {
    const found: string[] = [];
    const next: unknown[] = [];
    for (const node of level) {
      if (Array.isArray(node)) next.push(...node);
      else if (node !== null && typeof node === "object") {
        for (const [key, child] of Object.entries(node)) {
          if (STATUS_KEYS.has(key) && typeof child === "string" && Object.hasOwn(statuses, child)) found.push(child);
          else next.push(child);
        }
      }
    }
    if (found.length > 0) return found;
    level = next;
  }
  return [];
}

/** What is wrong with each outcome-named example (empty when each carries a status of its outcome). */
export function misnamedExamples(
  examples: readonly OutcomeExample[],
  statuses: Readonly<Record<string, string>>,
): string[] {
  return examples.flatMap(({ operationId, code, name, value }) => {
    const where = `${operationId} ${code} example "${name}"`;
    const carried = statusesIn(value, statuses);
    // A read before any status exists (Veriff's `verification: null`) is the one status-less outcome.
    if (carried.length === 0) return name === "pending" ? [] : [`${where} carries no status the spec maps`];
    return carried
      .filter((status) => statuses[status] !== name)
      .map((status) => `${where} carries status "${status}", which the spec maps to ${statuses[status]}`);
  });
}

interface SpecOutcomes {
  statuses: Record<string, string>;
  readOperations: string[];
  /** `x-verifetch-outcomes`, as the generated result adapter reads it. */
  mapping: OutcomeMapping;
}

/** The outcome the result adapter makes of `answer` (the runtime's own reading: pointers, lists, fallbacks). */
async function readOutcomeOf(mapping: OutcomeMapping, answer: unknown): Promise<Outcome> {
  const client = {};
  createTransport(client, {
    packageName: "spec",
    version: "0",
    baseUrl: "https://api.example.test",
    authenticate: () => [],
    options: {},
  });
  const descriptor = {
    provider: "spec",
    title: "Spec",
    session: { ttlMs: null },
    webhook: { scheme: "none", why: "" },
  };
  const results = defineResultAdapter(descriptor as never, mapping, async () => answer)(client);
  return (await results.getOutcome("id")).outcome;
}

function specOutcomes(file: string): SpecOutcomes | undefined {
  const spec = parse(readFileSync(join(SPECS, file), "utf8")) as {
    "x-verifetch-outcomes"?: OutcomeMapping & { statuses: Record<string, Outcome> };
    "x-verifetch-session"?: { outcome?: string[] };
  };
  const outcomes = spec["x-verifetch-outcomes"];
  if (!outcomes) return undefined;
  return {
    statuses: outcomes.statuses,
    readOperations: spec["x-verifetch-session"]?.outcome ?? [],
    mapping: outcomes,
  };
}

interface PrismOperation {
  iid?: string;
  responses: { code: string; contents?: { examples?: { key: string; value?: unknown }[] }[] }[];
}

async function outcomeExamples(file: string): Promise<OutcomeExample[]> {
  const { getHttpOperationsFromSpec } = createRequire(import.meta.url)("@stoplight/prism-http") as {
    getHttpOperationsFromSpec(spec: string): Promise<PrismOperation[]>;
  };
  const operations = await getHttpOperationsFromSpec(join(SPECS, file));
  return operations.flatMap((operation) =>
    operation.responses.flatMap((response) =>
      (response.contents ?? []).flatMap((content) =>
        (content.examples ?? [])
          .filter((example) => (OUTCOMES as readonly string[]).includes(example.key))
          .map((example) => ({
            operationId: operation.iid ?? "?",
            code: response.code,
            name: example.key as Outcome,
            value: example.value,
          })),
      ),
    ),
  );
}

const specFiles = readdirSync(SPECS).filter((file) => file.endsWith(".yaml") && specOutcomes(file) !== undefined);

describe("outcome-named examples in the specs", () => {
  it("covers every provider spec", () => {
    expect(specFiles.length).toBeGreaterThanOrEqual(9);
  });

  it.each(specFiles)("%s: each carries a status the spec maps to its name", async (file) => {
    const { statuses, mapping } = specOutcomes(file) as SpecOutcomes;
    const examples = await outcomeExamples(file);
    // The read the spec's pointers describe is checked as the result adapter reads it (a list of
    // checks is the least favourable one); any other example by its shallowest status.
    const read = mapping.read;
    const byReader = examples.filter((example) => read?.status && example.operationId === read.operation);
    expect(
      misnamedExamples(
        examples.filter((example) => !byReader.includes(example)),
        statuses,
      ),
    ).toEqual([]);
    for (const example of byReader) {
      expect(await readOutcomeOf(mapping, example.value), `${example.operationId} "${example.name}"`).toBe(
        example.name,
      );
    }
  });

  it.each(specFiles)("%s: the session read offers an example for each outcome its statuses produce", async (file) => {
    const { statuses, readOperations } = specOutcomes(file) as SpecOutcomes;
    if (readOperations.length === 0) return; // no documented read yet (ComplyCube)
    const offered = new Set(
      (await outcomeExamples(file))
        .filter((example) => readOperations.includes(example.operationId) && /^2/.test(example.code))
        .map((example) => example.name),
    );
    const produced = [...new Set(Object.values(statuses))].filter((outcome) => outcome !== "unknown");
    expect(produced.filter((outcome) => !offered.has(outcome as Outcome))).toEqual([]);
  });
});

describe("the misnamed-example check", () => {
  const statuses = { approved: "approved", rejected: "declined", PAUSED: "resubmission_requested" };
  const example = (name: Outcome, value: unknown): OutcomeExample => ({
    operationId: "getThing",
    code: "200",
    name,
    value,
  });

  it("reads the shallowest status or state the spec maps, at any depth, in objects and arrays", () => {
    expect(statusesIn({ status: "success", verification: { status: "rejected" } }, statuses)).toEqual(["rejected"]);
    expect(statusesIn({ status: { state: "PAUSED" }, employments: [{ status: "approved" }] }, statuses)).toEqual([
      "PAUSED",
    ]);
    expect(statusesIn([{ data: { status: "approved" } }], statuses)).toEqual(["approved"]);
    expect(statusesIn({ verification: null }, statuses)).toEqual([]);
  });

  it("fails an example whose status maps to another outcome, or that carries none", () => {
    expect(misnamedExamples([example("approved", { status: "rejected" })], statuses)).toEqual([
      'getThing 200 example "approved" carries status "rejected", which the spec maps to declined',
    ]);
    expect(misnamedExamples([example("declined", { status: "unheard_of" })], statuses)).toEqual([
      'getThing 200 example "declined" carries no status the spec maps',
    ]);
    expect(
      misnamedExamples(
        [
          example("declined", { data: { status: "rejected" } }),
          example("resubmission_requested", { status: { state: "PAUSED" } }),
          example("pending", { verification: null }),
        ],
        statuses,
      ),
    ).toEqual([]);
  });
});

import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { OUTCOMES } from "../../../packages/core/src/session-outcome.ts";
import { findSpecNames, readProviderFacts } from "./spec-facts.ts";

const REPO_ROOT = resolve(import.meta.dirname, "../../..");

describe("readProviderFacts on the real specs", () => {
  const all = findSpecNames(REPO_ROOT).map((name) => readProviderFacts(REPO_ROOT, name));

  test("every spec is read, with a POST that creates the hosted session", () => {
    expect(all.map((facts) => facts.name)).toEqual([
      "argyle",
      "argyle-partners",
      "complycube",
      "earthid",
      "onfido",
      "persona",
      "stripe-identity",
      "verifa",
      "veriff",
    ]);
    for (const facts of all) {
      expect(facts.packageName).toBe(`@verifetch/${facts.name}`);
      expect(facts.session.create.method).toBe("POST");
      expect(facts.operations.length).toBeGreaterThan(1);
      expect(facts.servers.length).toBeGreaterThan(0);
    }
  });

  test("retries after arrival follow the method and a declared idempotency key", () => {
    const byName = (name: string) => all.find((facts) => facts.name === name);
    const verifaCreate = byName("verifa")?.session.create;
    expect(verifaCreate?.idempotencyHeader).toBe("Idempotency-Key");
    expect(verifaCreate?.retriedAfterArrival).toBe(true);
    expect(byName("complycube")?.session.create.retriedAfterArrival).toBe(false);
    const argyle = byName("argyle")?.operations ?? [];
    expect(argyle.filter((operation) => operation.retriedAfterArrival).map((operation) => operation.method)).toEqual([
      "GET",
      "GET",
    ]);
    expect(argyle.find((operation) => operation.method === "PATCH")?.retriedAfterArrival).toBe(false);
  });

  test("an HTTP Bearer scheme sets Authorization (Persona)", () => {
    const persona = all.find((facts) => facts.name === "persona");
    expect(persona?.schemes).toMatchObject([{ name: "BearerAuth", type: "bearer", header: "Authorization" }]);
    expect(persona?.session.create.retriedAfterArrival).toBe(true);
  });

  test("every spec maps its statuses to outcomes, covering every enum it names", () => {
    for (const facts of all) {
      expect(Object.keys(facts.outcomes.statuses).length, facts.name).toBeGreaterThan(0);
      for (const outcome of Object.values(facts.outcomes.statuses)) expect(OUTCOMES).toContain(outcome);
      expect(facts.outcomes.source, facts.name).not.toBe("");
    }
    const outcomes = (name: string) => all.find((facts) => facts.name === name)?.outcomes;
    // The documented decisions of each provider (its enums are checked exhaustively on reading).
    expect(outcomes("veriff")?.enums).toEqual([
      "./components/veriff-sessions.yaml#/components/schemas/Decision/properties/status",
    ]);
    expect(outcomes("veriff")?.statuses).toEqual({
      approved: "approved",
      declined: "declined",
      resubmission_requested: "resubmission_requested",
      expired: "expired",
      abandoned: "abandoned",
      review: "review",
    });
    expect(outcomes("earthid")?.statuses).toEqual(outcomes("veriff")?.statuses);
    expect(outcomes("verifa")?.statuses).toMatchObject({
      completed: "unknown",
      approved: "approved",
      expired: "expired",
    });
    expect(outcomes("onfido")?.statuses).toMatchObject({
      approved: "approved",
      declined: "declined",
      error: "unknown",
    });
    expect(outcomes("stripe-identity")?.statuses).toEqual({
      requires_input: "pending",
      processing: "pending",
      verified: "approved",
      canceled: "abandoned",
    });
    expect(outcomes("persona")?.statuses).toMatchObject({ approved: "approved", completed: "unknown" });
    expect(outcomes("complycube")?.statuses).toMatchObject({
      clear: "approved",
      rejected: "declined",
      attention: "review",
    });
    for (const argyle of ["argyle", "argyle-partners"]) {
      expect(outcomes(argyle)?.statuses).toMatchObject({ COMPLETED: "completed", CANCELLED: "abandoned" });
    }
    // The comment beside or above a status says why.
    expect(outcomes("verifa")?.notes.completed).toMatch(/session result/);
  });

  test("operation-level security overrides the spec's", () => {
    const veriff = all.find((facts) => facts.name === "veriff");
    expect(veriff?.security).toEqual([["AuthClient", "HmacSignature"]]);
    expect(veriff?.session.create.auth).toEqual(["AuthClient"]);
    expect(veriff?.operations.find((operation) => operation.operationId === "getDecision")?.auth).toEqual([
      "AuthClient",
      "HmacSignature",
    ]);
  });

  test("examples: each create operation's first request and response example, and path parameter examples", () => {
    const byName = (name: string) => all.find((facts) => facts.name === name);
    expect(byName("verifa")?.session.create.requestExample).toMatchObject({ external_ref: "user_abc123" });
    expect(byName("verifa")?.session.create.responseExample).toMatchObject({ id: "session_abc123" });
    // A `$ref` to a shared example file is followed.
    const getDecision = byName("veriff")?.operations.find((operation) => operation.operationId === "getDecision");
    expect(getDecision?.pathExamples).toEqual({ sessionId: "12df6045-3846-3e45-946a-14fa6136d78b" });
    expect(getDecision?.responseExample).toMatchObject({ verification: { status: "approved" } });
    for (const facts of all) {
      expect(facts.session.create.requestExample, facts.name).toEqual(expect.any(Object));
      expect(facts.session.create.responseExample, facts.name).toEqual(expect.any(Object));
    }
  });

  test("a credential's header prefix is read (Onfido's `Token token=`); none elsewhere", () => {
    const credentials = all.flatMap((facts) => facts.schemes.flatMap((scheme) => scheme.credentials));
    expect(credentials.filter((credential) => credential.prefix !== undefined)).toEqual([
      expect.objectContaining({ option: "apiToken", envVar: "ONFIDO_API_TOKEN", prefix: "Token token=" }),
    ]);
  });

  test("webhook evidence is read, unknown when the provider documents none", () => {
    expect(Object.fromEntries(all.map((facts) => [facts.name, facts.webhook.evidence]))).toEqual({
      argyle: "documented",
      "argyle-partners": "inferred",
      // The official SDKs are vendor material: they verify the scheme the spec names.
      complycube: "documented",
      earthid: "not-documented",
      persona: "documented",
      "stripe-identity": "documented",
      onfido: "documented",
      verifa: "documented",
      veriff: "documented",
    });
    expect(all.find((facts) => facts.name === "earthid")?.webhook.algorithm).toBeUndefined();
  });
});

describe("readProviderFacts on a broken spec", () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  /** A copy of the repo's ComplyCube spec and package.json, with `edit` applied to the spec text. */
  function brokenRepo(edit: (spec: string) => string): string {
    root = mkdtempSync(join(tmpdir(), "verifetch-docs-spec-"));
    mkdirSync(join(root, "specs"));
    mkdirSync(join(root, "packages", "complycube"), { recursive: true });
    cpSync(join(REPO_ROOT, "packages/complycube/package.json"), join(root, "packages/complycube/package.json"));
    const spec = readFileSync(join(REPO_ROOT, "specs/complycube.yaml"), "utf8");
    writeFileSync(join(root, "specs/complycube.yaml"), edit(spec));
    return root;
  }

  test("an x-verifetch-session naming no operation fails, naming the spec", () => {
    const repo = brokenRepo((spec) => spec.replace("create: createFlowSession", "create: createSession"));
    expect(() => readProviderFacts(repo, "complycube")).toThrow(
      'specs/complycube.yaml: x-verifetch-session.create names "createSession", which is no operationId of this spec',
    );
  });

  test("a missing extension fails", () => {
    const repo = brokenRepo((spec) => spec.replace("x-verifetch-webhook-signature:", "x-webhook-signature:"));
    expect(() => readProviderFacts(repo, "complycube")).toThrow(
      "specs/complycube.yaml x-verifetch-webhook-signature is missing or not an object",
    );
  });

  test("an unknown that YAML parsed as a mapping fails", () => {
    const repo = brokenRepo((spec) =>
      spec.replace("    - 409 is not documented.", "    - 409 is not documented: see the errors page."),
    );
    expect(() => readProviderFacts(repo, "complycube")).toThrow("info.x-verifetch-unknowns[2] is not a string");
  });

  test("a credential prefix that is not a string fails", () => {
    const repo = brokenRepo((spec) =>
      spec.replace("env: COMPLYCUBE_API_KEY", "env: COMPLYCUBE_API_KEY\n          prefix: 7"),
    );
    expect(() => readProviderFacts(repo, "complycube")).toThrow(
      "securitySchemes.ApiKeyAuth.x-verifetch-credentials[0].prefix must be a string",
    );
  });

  test("an evidence value outside the list fails", () => {
    const repo = brokenRepo((spec) => spec.replace("evidence: documented", "evidence: rumoured"));
    expect(() => readProviderFacts(repo, "complycube")).toThrow(
      'x-verifetch-webhook-signature.evidence is "rumoured"; expected one of documented, third-party, inferred, not-documented',
    );
  });

  test("a value of a named enum that is not mapped fails, naming the spec, the enum and the value", () => {
    const repo = brokenRepo((spec) =>
      spec
        .replace(/^ {2}enums: .*$/m, '  enums: ["#/components/schemas/FlowTheme"]')
        .replace("    pending: pending\n", "    pending: pending\n    light: unknown\n"),
    );
    expect(() => readProviderFacts(repo, "complycube")).toThrow(
      'specs/complycube.yaml: x-verifetch-outcomes.statuses does not map "dark", a value of the enum #/components/schemas/FlowTheme',
    );
  });

  test("a status mapped to no outcome fails, listing the outcomes", () => {
    const repo = brokenRepo((spec) => spec.replace("    clear: approved", "    clear: passed"));
    expect(() => readProviderFacts(repo, "complycube")).toThrow(
      'specs/complycube.yaml: x-verifetch-outcomes.statuses.clear is "passed"; expected one of approved, declined, completed, review',
    );
  });

  test("an enum pointer that resolves to nothing fails", () => {
    const repo = brokenRepo((spec) =>
      spec.replace(/^ {2}enums: .*$/m, '  enums: ["#/components/schemas/NoSuchStatus"]'),
    );
    expect(() => readProviderFacts(repo, "complycube")).toThrow(
      "x-verifetch-outcomes.enums: #/components/schemas/NoSuchStatus cannot be resolved",
    );
  });

  test("a read or webhook pointer that finds no mapped status in the spec's example fails", () => {
    const read = brokenRepo((spec) =>
      spec.replace("    status: [/result/outcome, /status]", "    status: /result/outcom"),
    );
    expect(() => readProviderFacts(read, "complycube")).toThrow(
      "x-verifetch-outcomes.read.status /result/outcom finds undefined in listChecks's example",
    );
    const webhook = brokenRepo((spec) => spec.replace("    status: /payload/outcome", "    status: /payload/id"));
    expect(() => readProviderFacts(webhook, "complycube")).toThrow(
      'x-verifetch-outcomes.webhook.status /payload/id finds "5f5c7a8f1f6a2d0008a1b2c4" in x-verifetch-outcomes.webhook.example',
    );
    const operation = brokenRepo((spec) => spec.replace("    operation: listChecks", "    operation: getClient"));
    expect(() => readProviderFacts(operation, "complycube")).toThrow(
      "x-verifetch-outcomes.read.operation getClient is not in x-verifetch-session.outcome",
    );
    const pointer = brokenRepo((spec) => spec.replace("    items: /items", "    items: items"));
    expect(() => readProviderFacts(pointer, "complycube")).toThrow(
      'x-verifetch-outcomes.read.items must be a JSON pointer such as "/verification/status", not "items"',
    );
  });

  test("a missing x-verifetch-outcomes fails", () => {
    const repo = brokenRepo((spec) => spec.replace("x-verifetch-outcomes:", "x-outcomes:"));
    expect(() => readProviderFacts(repo, "complycube")).toThrow(
      "specs/complycube.yaml x-verifetch-outcomes is missing or not an object",
    );
  });
});

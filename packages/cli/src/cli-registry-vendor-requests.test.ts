// The requests the vendors publish (specs/examples/<spec>/*.yaml), sent as a user pastes them from
// the vendor's docs: through each provider's generated client, to the Prism mock of its spec. A
// spec that refuses what the real API accepts shows up here as the mock's refusal naming the field;
// the schema-level check of the same examples is tools/spec-lint's vendor-examples test.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { bodyOf, publishedCalls } from "../../../tools/spec-lint/src/vendor-examples.ts";
import { mockBaseUrl } from "../../../tools/vitest/mock-urls.ts";
import { mockClientOptions } from "./cli-provider-registry.ts";
import { PROVIDERS } from "./generated/providers.ts";

const rootDir = resolve(import.meta.dirname, "../../..");

// Calls with a published request body; deliveries (webhooks) are checked in packages/verifetch.
const cases = publishedCalls(rootDir);

it("finds published requests for most providers (else this file tests little)", () => {
  expect(new Set(cases.map(({ example }) => example.spec)).size).toBeGreaterThanOrEqual(5);
});

describe.each(cases.map((entry) => [entry.example.id, entry] as const))("%s", (_, { example, operation }) => {
  it(`${operation.operationId} sends it and the ${example.spec} mock accepts it`, async () => {
    const entry = PROVIDERS.find((candidate) => candidate.name === example.spec);
    if (entry === undefined) throw new Error(`no provider package for specs/${example.spec}.yaml`);
    const module = await entry.load();
    const client = module.createClient(mockClientOptions(module.descriptor, mockBaseUrl(entry.name)));
    const method = (client as Record<string, unknown>)[operation.operationId];
    if (typeof method !== "function") throw new Error(`${entry.packageName} has no method ${operation.operationId}`);
    const path = operation.pathParameters.map((name) => {
      const value = operation.pathExamples[name];
      if (value === undefined) throw new Error(`${operation.operationId}: the spec has no example for {${name}}`);
      return value;
    });
    // The generated signature: path parameters, the body, the query (when it has one), call options.
    const query = operation.queryParameters.length > 0 ? [{}] : [];
    const call = (method as (...args: unknown[]) => Promise<unknown>).call(
      client,
      ...path,
      bodyOf(example.request),
      ...query,
      { maxRetries: 0 },
    );
    await expect(call).resolves.toBeDefined();
  });
});

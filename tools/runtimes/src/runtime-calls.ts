// The calls every runtime makes, for every provider package of the registry (`pnpm codegen` writes
// it from specs/): the client's create-session call with the spec's documented request example, its
// first outcome read (Veriff's is HMAC-signed with WebCrypto), and one session through the
// `verifetch` facade, against the Prism mock of each spec. The packages are imported by name, so they
// resolve to their built `dist/` exactly as a user's would. This file is runtime-neutral: it uses
// nothing but the packages and web APIs.
import { type AnySessionProvider, createVerifetch } from "verifetch";
import { exampleSessionInput, mockClientOptions } from "../../../packages/cli/src/cli-provider-registry.ts";
import { PROVIDERS, type RegistryEntry } from "../../../packages/cli/src/generated/providers.ts";

/** Specs whose mocks the calls need (`specs/<name>.yaml`): one per provider package. */
export const RUNTIME_MOCKS: readonly string[] = PROVIDERS.map((entry) => entry.name);

/** Base URL of each needed mock, by spec name. */
export type RuntimeMockUrls = Record<string, string>;

/** What one call brought back from the mock (the hosted URL, or what was read), or why it failed. */
export type RuntimeCallOutcome = { ok: true; value: string } | { ok: false; error: string };

/**
 * Imports every provider package. The entries call it before lifting the module-scope trap: the
 * registry loads packages on demand, and each must be evaluated while the trap is in place.
 */
export async function loadEveryProvider(): Promise<void> {
  await Promise.all(PROVIDERS.map((entry) => entry.load()));
}

/** The names the calls of a provider are reported under. */
export function runtimeCallNames(name: string, operations: { create: string; outcome: string | undefined }) {
  return {
    create: `${name} ${operations.create}`,
    outcome: operations.outcome === undefined ? undefined : `${name} ${operations.outcome}`,
    facade: `verifetch createSession (facade, ${name})`,
  };
}

/** The first https URL among the fields a created session must carry (`a|b.c`: either `a` or `b.c`). */
function sessionUrl(raw: unknown, required: readonly string[]): string {
  for (const path of required.flatMap((field) => field.split("|"))) {
    const value = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | null)?.[key], raw);
    if (typeof value === "string" && value.startsWith("https://")) return value;
  }
  return `(no https URL in ${required.join(", ")})`;
}

/** The calls of one provider, by the name the test reports them under. Each builds its own client. */
async function providerCalls(entry: RegistryEntry, baseUrl: string): Promise<Record<string, () => Promise<string>>> {
  const module = await entry.load();
  const { descriptor } = module;
  const client = () => module.createClient(mockClientOptions(descriptor, baseUrl, "runtime"));
  const names = runtimeCallNames(entry.name, {
    create: descriptor.session.create,
    outcome: module.readOutcome ? descriptor.session.outcome[0] : undefined,
  });
  const { readOutcome } = module;
  return {
    [names.create]: async () =>
      sessionUrl(await module.create(client(), entry.requestExample), descriptor.session.required),
    ...(names.outcome &&
      readOutcome && { [names.outcome]: async () => JSON.stringify(await readOutcome(client())).slice(0, 60) }),
    [names.facade]: async () => {
      const adapter = module.createSessions(client()) as AnySessionProvider;
      const vf = createVerifetch({ providers: { [entry.name]: adapter } });
      const input = exampleSessionInput(entry, adapter) as Parameters<typeof vf.createSession>[1];
      const session = await vf.createSession(entry.name, input);
      return `${session.provider} ${session.url}`;
    },
  };
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause === undefined ? "" : ` (cause: ${describeError(error.cause)})`;
  return `${error.name}: ${error.message}${cause}`;
}

/** Runs every call (at the same time) and reports each one; never throws. */
export async function runRuntimeCalls(mocks: RuntimeMockUrls): Promise<Record<string, RuntimeCallOutcome>> {
  const outcomes: Record<string, RuntimeCallOutcome> = {};
  await Promise.all(
    PROVIDERS.map(async (entry) => {
      let calls: Record<string, () => Promise<string>>;
      try {
        calls = await providerCalls(entry, mocks[entry.name] ?? "");
      } catch (error) {
        outcomes[`${entry.name} (loading)`] = { ok: false, error: describeError(error) };
        return;
      }
      await Promise.all(
        Object.entries(calls).map(async ([name, call]) => {
          try {
            outcomes[name] = { ok: true, value: await call() };
          } catch (error) {
            outcomes[name] = { ok: false, error: describeError(error) };
          }
        }),
      );
    }),
  );
  return outcomes;
}

// What a plain-JavaScript caller or a misbehaving provider can throw at the facade and the provider
// clients: every such case is a typed VerifetchError, never a raw TypeError or `undefined`.
import { argyleSessions, createArgyle } from "@verifetch/argyle";
import { argylePartnersSessions, createArgylePartners } from "@verifetch/argyle-partners";
import { complyCubeSessions, createComplyCube } from "@verifetch/complycube";
import { ConfigurationError, InputValidationError, InvalidResponseError, VerifetchError } from "@verifetch/core";
import type { SessionProvider } from "@verifetch/core/session";
import { createEarthId, earthIdSessions } from "@verifetch/earthid";
import { createVerifa, verifaSessions } from "@verifetch/verifa";
import { createVeriff, veriffSessions } from "@verifetch/veriff";
import { describe, expect, it, vi } from "vitest";
import { createVerifetch } from "./verifetch-create.ts";

const verification = "43a2c6c3-1e63-91e5-88e3-f9ab2dcc489b";
const caught = (run: () => unknown) =>
  (async () => run())().then(
    () => undefined,
    (error: unknown) => error,
  );

/** Each provider: its adapter over a client answering every request with `answer`, and its direct create call. */
interface Case {
  provider: string;
  adapter(fetch: (request: Request) => Promise<Response>): SessionProvider;
  direct(fetch: (request: Request) => Promise<Response>): Promise<unknown>;
  input: Record<string, unknown>;
}

const base = { baseUrl: "https://mock.example", maxRetries: 0 };
const cases: Case[] = [
  {
    provider: "complycube",
    adapter: (fetch) => complyCubeSessions(createComplyCube({ apiKey: "test_k", fetch, ...base })),
    direct: (fetch) =>
      createComplyCube({ apiKey: "test_k", fetch, ...base }).createFlowSession({
        clientId: "c1",
        checkTypes: ["document_check"],
        successUrl: "https://app.example/ok",
        cancelUrl: "https://app.example/cancel",
      }),
    input: {
      cancelUrl: "https://app.example/cancel",
      providerOptions: { complycube: { clientId: "c1", checkTypes: ["document_check"] } },
    },
  },
  {
    provider: "argyle",
    adapter: (fetch) => argyleSessions(createArgyle({ apiKeyId: "id", apiKeySecret: "secret", fetch, ...base })),
    direct: (fetch) =>
      createArgyle({ apiKeyId: "id", apiKeySecret: "secret", fetch, ...base }).createSession({ verification }),
    input: { providerOptions: { argyle: { verification } } },
  },
  {
    provider: "argyle-partners",
    adapter: (fetch) =>
      argylePartnersSessions(createArgylePartners({ apiKeyId: "id", apiKeySecret: "secret", fetch, ...base })),
    direct: (fetch) =>
      createArgylePartners({ apiKeyId: "id", apiKeySecret: "secret", fetch, ...base }).createSession({
        verification,
      }),
    input: { providerOptions: { "argyle-partners": { verification } } },
  },
  {
    provider: "verifa",
    adapter: (fetch) => verifaSessions(createVerifa({ apiKey: "vk_sandbox_k", fetch, ...base })),
    direct: (fetch) => createVerifa({ apiKey: "vk_sandbox_k", fetch, ...base }).createSession({}),
    input: {},
  },
  {
    provider: "earthid",
    adapter: (fetch) => earthIdSessions(createEarthId({ apiKey: "earthid-key", fetch, ...base })),
    direct: (fetch) => createEarthId({ apiKey: "earthid-key", fetch, ...base }).createSession({ verification: {} }),
    input: {},
  },
  {
    provider: "veriff",
    adapter: (fetch) => veriffSessions(createVeriff({ apiKey: "veriff-key", fetch, ...base })),
    direct: (fetch) => createVeriff({ apiKey: "veriff-key", fetch, ...base }).createSession({ verification: {} }),
    input: {},
  },
];

const NOT_A_SESSION: [string, () => Response][] = [
  ["204 No Content", () => new Response(null, { status: 204 })],
  ["200 null", () => Response.json(null)],
  ["200 {}", () => Response.json({})],
  ["201 []", () => Response.json([], { status: 201 })],
  ['200 {"verification":null}', () => Response.json({ verification: null })],
];

describe.each(cases)("$provider: a 2xx that is not a session", ({ provider, adapter, direct, input }) => {
  it.each(NOT_A_SESSION)("%s: InvalidResponseError from the direct create call and the facade", async (_, answer) => {
    const fetch = vi.fn(async () => answer());
    const fromDirect = await caught(() => direct(fetch));
    expect(fromDirect).toBeInstanceOf(InvalidResponseError);
    expect(fromDirect).toMatchObject({ provider, isRetryable: false, isSafeToRetry: false });
    const vf = createVerifetch({ providers: { [provider]: adapter(fetch) } });
    const fromFacade = await caught(() =>
      vf.createSession(provider, { reference: "user_1", redirectUrl: "https://app.example/ok", ...input }),
    );
    expect(fromFacade).toBeInstanceOf(InvalidResponseError);
    // One request each: a create that answered 2xx is never sent again.
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

describe("the facade: plain-JavaScript misuse", () => {
  const adapter = verifaSessions(createVerifa({ apiKey: "vk_sandbox_k", ...base }));
  const vf = createVerifetch({ providers: { verifa: adapter } });
  const untyped = vf as unknown as {
    createSession(provider: unknown, input?: unknown): Promise<unknown>;
    verifyWebhook(provider: unknown, request?: unknown): Promise<unknown>;
  };

  it.each([[undefined], [null], [{}], [{ providers: null }], [{ providers: "verifa" }], [{ providers: [adapter] }]])(
    "createVerifetch(%j) is a ConfigurationError naming providers",
    (options) => {
      const error = (() => {
        try {
          createVerifetch(options as never);
        } catch (caughtError) {
          return caughtError;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).option).toBe("providers");
    },
  );

  it.each([[undefined], [null], [123], [{}], [[]]])("createSession(%j, input) is a typed error", async (provider) => {
    const error = await caught(() => untyped.createSession(provider, { reference: "r" }));
    expect(VerifetchError.isInstance(error)).toBe(true);
  });

  it.each([[undefined], [null], ["r"], [42]])(
    "createSession('verifa', %j) is an InputValidationError",
    async (input) => {
      const error = await caught(() => untyped.createSession("verifa", input));
      expect(error).toBeInstanceOf(InputValidationError);
    },
  );

  it("metadata JSON cannot represent (a BigInt, a cycle) is refused before any request, never a TypeError", async () => {
    const fetch = vi.fn(async () => Response.json({}));
    const vf = createVerifetch({
      providers: { verifa: verifaSessions(createVerifa({ apiKey: "vk_sandbox_k", fetch, ...base })) },
    });
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    for (const metadata of [{ n: 10n }, cycle]) {
      const error = await caught(() => vf.createSession("verifa", { reference: "r", metadata: metadata as never }));
      expect(error).toBeInstanceOf(InputValidationError);
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it("getSession(undefined) on a provider client sends nothing: InputValidationError naming the parameter", async () => {
    const fetch = vi.fn(async () => Response.json({}));
    const verifa = createVerifa({ apiKey: "vk_sandbox_k", fetch, ...base });
    for (const id of [undefined, "", "  ", 42]) {
      const error = await caught(() => verifa.getSession(id as string));
      expect(error).toBeInstanceOf(InputValidationError);
      expect((error as InputValidationError).field).toBe("session_id");
    }
    expect(fetch).not.toHaveBeenCalled();
  });
});

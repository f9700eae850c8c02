import {
  type ApiError,
  BadRequestError,
  ConfigurationError,
  type HostedSession,
  InputValidationError,
  InternalServerError,
  TimeoutError,
} from "@verifetch/core";
import { validateSessionInput } from "@verifetch/core/provider";
import {
  type ProviderSessionInput,
  SESSION_PROVIDER_SPECIFICATION_VERSION,
  type SessionProvider,
  type WebhookProvider,
} from "@verifetch/core/session";
import { describe, expect, it, vi } from "vitest";
import { createVerifetch } from "./verifetch-create.ts";
import { AllProvidersFailedError, NoSuchProviderError } from "./verifetch-errors.ts";

/** A fake adapter: validates like a real one and answers with the scripted outcome. */
function fake<N extends string>(provider: N, outcome: () => unknown = () => undefined) {
  const created = vi.fn(
    async (input: ProviderSessionInput<N, { plan?: string }>): Promise<HostedSession<N, { ok: true }>> => {
      const result = outcome();
      if (result instanceof Error) throw result;
      return {
        provider,
        id: `${provider}_1`,
        url: `https://${provider}.example/s/1`,
        expiresAt: null,
        sandbox: true,
        status: "created",
        raw: { ok: true, input } as never,
        unsentFields: adapter.validate(input),
      };
    },
  );
  const adapter: SessionProvider<N, { plan?: string }, { ok: true }, never> = {
    specificationVersion: SESSION_PROVIDER_SPECIFICATION_VERSION,
    provider,
    languages: ["en"],
    requiredFields: [],
    validate: (input) =>
      validateSessionInput(input, { provider, languages: ["en"], reference: true, redirectUrl: true }),
    createSession: async (input) => {
      adapter.validate(input);
      return created(input);
    },
  };
  const webhooks: WebhookProvider<N, { kind: string }> = {
    specificationVersion: SESSION_PROVIDER_SPECIFICATION_VERSION,
    provider,
    verifyWebhook: async () => ({
      provider,
      type: "x",
      sessionId: null,
      reference: null,
      status: null,
      outcome: "unknown",
      terminal: false,
      reasons: [],
      deliveryKey: `${provider}:evt_1`,
      occurredAt: null,
      raw: { kind: "k" },
    }),
  };
  return { adapter, webhooks, created };
}

const apiError = (status: number) =>
  (status >= 500
    ? new InternalServerError({ provider: "p", status, body: {}, headers: new Headers() })
    : new BadRequestError({ provider: "p", status, body: {}, headers: new Headers() })) as ApiError;

describe("createVerifetch", () => {
  it("dispatches to the named provider and returns its normalized session", async () => {
    const a = fake("alpha");
    const b = fake("beta");
    const vf = createVerifetch({ providers: { alpha: a.adapter, beta: b.adapter } });
    const session = await vf.createSession("beta", { reference: "user_1", redirectUrl: "https://app.example/done" });
    expect(session).toMatchObject({ provider: "beta", id: "beta_1", url: "https://beta.example/s/1" });
    expect(a.created).not.toHaveBeenCalled();
    expect(vf.providers).toEqual(["alpha", "beta"]);
  });

  it("throws NoSuchProviderError for an unknown provider, naming the configured ones", async () => {
    const vf = createVerifetch({ providers: { alpha: fake("alpha").adapter } });
    const error = await vf.createSession("gamma" as "alpha", { reference: "r" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoSuchProviderError);
    expect(error).toMatchObject({ provider: "gamma", available: ["alpha"] });
    await expect(vf.verifyWebhook("constructor" as never, { headers: {}, rawBody: "" })).rejects.toBeInstanceOf(
      NoSuchProviderError,
    );
  });

  it("validates the input for every provider of a fallback list before any request", async () => {
    const a = fake("alpha");
    const b = fake("beta");
    const vf = createVerifetch({ providers: { alpha: a.adapter, beta: b.adapter } });
    for (const [input, field] of [
      [{ reference: "r", redirectUrl: "http://app.example" }, "redirectUrl"],
      [{ reference: "r", country: "GBR" }, "country"],
      [{ reference: "r", language: "FR" }, "language"],
      [{ reference: "r", redirectUrl: ["https://app.example"] as unknown as string }, "redirectUrl"],
      [{ reference: "r", metadata: { nested: { a: "b" } } as unknown as Record<string, string> }, "metadata.nested"],
      [{ reference: "r", idempotencyKey: 42 as unknown as string }, "idempotencyKey"],
      [{ reference: "r", person: { dateOfBirth: "2020-13-45" } }, "person.dateOfBirth"],
      [{ reference: "r", person: { firstName: 42 as unknown as string } }, "person.firstName"],
      [{ reference: "r", redirectUri: "https://app.example" } as { reference: string }, "redirectUri"],
    ] as const) {
      const error = await vf.createSession(["alpha", "beta"], input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputValidationError);
      expect(error).toMatchObject({ field });
    }
    expect(a.created).not.toHaveBeenCalled();
    expect(b.created).not.toHaveBeenCalled();
  });

  it("does not send, and reports, a well-formed field a provider has no place for", async () => {
    const a = fake("alpha");
    const vf = createVerifetch({ providers: { alpha: a.adapter } });
    const session = await vf.createSession("alpha", {
      reference: "r",
      cancelUrl: "https://app.example/cancelled",
      language: "fr",
      person: { firstName: "Ada" },
    });
    expect(session.unsentFields.map((entry) => entry.field)).toEqual(["cancelUrl", "language", "person.firstName"]);
    expect(session.unsentFields[0]?.reason).toBe("alpha has no cancel URL");
  });

  it("tries a provider named twice in a fallback list once, so a create is never re-sent to it", async () => {
    const a = fake("alpha", () => new TimeoutError("slow", { provider: "alpha" }));
    const b = fake("beta");
    const vf = createVerifetch({ providers: { alpha: a.adapter, beta: b.adapter } });
    const session = await vf.createSession(["alpha", "alpha", ...vf.providers], { reference: "r" });
    expect(session.provider).toBe("beta");
    expect(a.created).toHaveBeenCalledTimes(1);
  });

  it("refuses plain-JS misuse with typed errors", async () => {
    const create = createVerifetch as (options?: unknown) => unknown;
    expect(() => create()).toThrow(ConfigurationError);
    expect(() => create({ providers: {} })).toThrow(/needs \{ providers \}/);
    const vf = createVerifetch({ providers: { alpha: fake("alpha").adapter } });
    const createSession = vf.createSession as (provider: unknown, input?: unknown) => Promise<unknown>;
    await expect(createSession("alpha")).rejects.toMatchObject({ name: "InputValidationError", field: "input" });
    await expect(createSession([], { reference: "r" })).rejects.toBeInstanceOf(ConfigurationError);
    await expect(createSession(42, { reference: "r" })).rejects.toBeInstanceOf(ConfigurationError);
  });

  it("falls back to the next provider only after a retryable failure", async () => {
    const a = fake("alpha", () => new TimeoutError("slow", { provider: "alpha" }));
    const b = fake("beta", () => apiError(503));
    const c = fake("gamma");
    const vf = createVerifetch({ providers: { alpha: a.adapter, beta: b.adapter, gamma: c.adapter } });
    const session = await vf.createSession(["alpha", "beta", "gamma"], { reference: "r" });
    expect(session.provider).toBe("gamma");
    expect([a.created, b.created, c.created].map((f) => f.mock.calls.length)).toEqual([1, 1, 1]);
  });

  it("never falls back after a 4xx, and rethrows a single provider's error as is", async () => {
    const a = fake("alpha", () => apiError(400));
    const b = fake("beta");
    const vf = createVerifetch({ providers: { alpha: a.adapter, beta: b.adapter } });
    const error = await vf.createSession(["alpha", "beta"], { reference: "r" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(b.created).not.toHaveBeenCalled();
  });

  it("reports every attempt when all providers fail", async () => {
    const a = fake("alpha", () => apiError(502));
    const b = fake("beta", () => new TimeoutError("slow", { provider: "beta" }));
    const vf = createVerifetch({ providers: { alpha: a.adapter, beta: b.adapter } });
    const error = await vf.createSession(["alpha", "beta"], { reference: "r" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AllProvidersFailedError);
    const attempts = (error as AllProvidersFailedError).attempts;
    expect(attempts.map((attempt) => attempt.provider)).toEqual(["alpha", "beta"]);
    expect(attempts[0]?.error).toBeInstanceOf(InternalServerError);
    expect(attempts[1]?.error).toBeInstanceOf(TimeoutError);
    expect((error as AllProvidersFailedError).isRetryable).toBe(true);
    expect(JSON.parse(JSON.stringify(error)).attempts).toHaveLength(2);
  });

  it("refuses adapters of another specification version or registered under another name", () => {
    const a = fake("alpha").adapter;
    expect(() => createVerifetch({ providers: { alpha: { ...a, specificationVersion: "v0" as "v4" } } })).toThrow(
      ConfigurationError,
    );
    expect(() => createVerifetch({ providers: { beta: a } })).toThrow(/register it as "alpha"/);
    const w = fake("alpha").webhooks;
    expect(() => createVerifetch({ providers: {}, webhooks: { beta: w } })).toThrow(
      /webhooks\.beta is the alpha adapter/,
    );
    expect(() =>
      createVerifetch({ providers: {}, webhooks: { alpha: { ...w, specificationVersion: "v1" as "v4" } } }),
    ).toThrow(/webhooks\.alpha implements session contract v1/);
  });

  it("dispatches webhook verification to the adapters registered in webhooks, and only those", async () => {
    const alpha = fake("alpha");
    const vf = createVerifetch({ providers: { alpha: alpha.adapter }, webhooks: { alpha: alpha.webhooks } });
    expect(await vf.verifyWebhook("alpha", { headers: {}, rawBody: "{}" })).toMatchObject({
      provider: "alpha",
      raw: { kind: "k" },
    });
    // A session adapter is not a webhook adapter: a route that only creates sessions verifies nothing.
    const sessionsOnly = createVerifetch({ providers: { alpha: alpha.adapter } });
    await expect(sessionsOnly.verifyWebhook("alpha" as never, { headers: {}, rawBody: "{}" })).rejects.toMatchObject({
      name: "NoSuchProviderError",
      available: [],
    });
    // A webhook route needs no session adapter.
    const webhookRoute = createVerifetch({ providers: {}, webhooks: { alpha: alpha.webhooks } });
    expect(webhookRoute.providers).toEqual([]);
    await expect(webhookRoute.verifyWebhook("alpha", { headers: {}, rawBody: "{}" })).resolves.toMatchObject({
      type: "x",
    });
  });
});

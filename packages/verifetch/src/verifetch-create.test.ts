import {
  type ApiError,
  BadRequestError,
  ConfigurationError,
  type CreateSessionInput,
  type HostedSession,
  InputValidationError,
  InternalServerError,
  SESSION_PROVIDER_SPECIFICATION_VERSION,
  type SessionProvider,
  TimeoutError,
  validateSessionInput,
} from "@verifetch/core";
import { describe, expect, it, vi } from "vitest";
import { createVerifetch } from "./verifetch-create.ts";
import { AllProvidersFailedError, NoSuchProviderError } from "./verifetch-errors.ts";

/** A fake adapter: validates like a real one and answers with the scripted outcome. */
function fake<N extends string>(provider: N, outcome: () => unknown = () => undefined) {
  const created = vi.fn(async (input: CreateSessionInput): Promise<HostedSession<N, { ok: true }>> => {
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
    };
  });
  const adapter: SessionProvider<N, { plan?: string }, { ok: true }, { kind: string }> = {
    specificationVersion: SESSION_PROVIDER_SPECIFICATION_VERSION,
    provider,
    languages: ["en"],
    validate: (input) => validateSessionInput(input, { provider, languages: ["en"] }),
    createSession: async (input) => {
      adapter.validate(input);
      return created(input);
    },
    verifyWebhook: async () => ({
      provider,
      type: "x",
      sessionId: null,
      reference: null,
      status: null,
      raw: { kind: "k" },
    }),
  };
  return { adapter, created };
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
    await expect(vf.verifyWebhook("constructor" as "alpha", { headers: {}, rawBody: "" })).rejects.toBeInstanceOf(
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
      [{ reference: "r", language: "fr" }, "language"],
    ] as const) {
      const error = await vf.createSession(["alpha", "beta"], input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputValidationError);
      expect(error).toMatchObject({ field });
    }
    expect(a.created).not.toHaveBeenCalled();
    expect(b.created).not.toHaveBeenCalled();
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
    expect(() => createVerifetch({ providers: { alpha: { ...a, specificationVersion: "v0" as "v1" } } })).toThrow(
      ConfigurationError,
    );
    expect(() => createVerifetch({ providers: { beta: a } })).toThrow(/register it as "alpha"/);
  });

  it("dispatches webhook verification", async () => {
    const vf = createVerifetch({ providers: { alpha: fake("alpha").adapter } });
    expect(await vf.verifyWebhook("alpha", { headers: {}, rawBody: "{}" })).toMatchObject({
      provider: "alpha",
      raw: { kind: "k" },
    });
  });
});

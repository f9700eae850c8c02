// Invariants every provider package must keep, driven by its generated descriptor so a new provider
// gets them by calling these functions from its own tests: a missing credential is a
// ConfigurationError naming its option and environment variable (read lazily, at request time), and
// webhook verification follows the scheme the descriptor states (body HMAC, timestamped HMAC, or
// none). Signatures here are computed with node:crypto, independently of core's WebCrypto code.
import { createHash, createHmac } from "node:crypto";
import { ConfigurationError, type Outcome, WebhookVerificationError } from "@verifetch/core";
import type { AdapterDescriptor } from "@verifetch/core/provider";
import { afterEach, describe, expect, it, vi } from "vitest";

/** One credential as the generated descriptor states it. */
export interface DescribedCredential {
  readonly option: string;
  readonly envVar: string;
  readonly scheme: string;
  readonly header: string;
  /** Text sent before the credential in its header (Onfido's `Token token=`). */
  readonly prefix?: string;
}

/** The part of a generated `<provider>Descriptor` the credential cases read. */
export interface CredentialDescriptor {
  readonly adapter: { readonly provider: string };
  readonly credentials: readonly DescribedCredential[];
  readonly environments: {
    // Every generated descriptor states it; without a required member TypeScript's weak-type check
    // refuses descriptors whose environments are decided by host and carry neither optional field.
    readonly decidedBy: string;
    readonly credential?: string;
    readonly keyPrefixes?: { readonly sandbox: readonly string[] };
  };
}

type Fetch = (request: Request) => Promise<Response>;

/** How the credential cases build a client and make one call that needs every credential. */
export interface CredentialCases<TClient> {
  descriptor: CredentialDescriptor;
  /** A client given no credential options (each must come from its environment variable). */
  create: (fetch: Fetch) => TClient;
  /** One call that needs every credential. */
  call: (client: TClient) => Promise<unknown>;
  /** What the fake provider answers (default `{}`, status 200). */
  response?: unknown;
}

/** A value the client accepts for `credential` from the environment (a sandbox key where the key decides it). */
function envValue(descriptor: CredentialDescriptor, credential: DescribedCredential): string {
  const prefix =
    descriptor.environments.credential === credential.option
      ? (descriptor.environments.keyPrefixes?.sandbox[0] ?? "")
      : "";
  return `${prefix}env_${credential.option}`;
}

/**
 * Registers, for each credential the descriptor lists, a case that blanks its variable and expects a
 * ConfigurationError naming option and variable before any request; and one case that sets every
 * variable only after the client is built and expects them in the request.
 */
export function credentialCases<TClient>(cases: CredentialCases<TClient>): void {
  const { descriptor } = cases;
  const fakeFetch = () => vi.fn(async (_request: Request) => Response.json(cases.response ?? {}, { status: 200 }));
  const stubAll = () => {
    for (const credential of descriptor.credentials) vi.stubEnv(credential.envVar, envValue(descriptor, credential));
  };

  describe(`${descriptor.adapter.provider} credentials (conformance)`, () => {
    afterEach(() => vi.unstubAllEnvs());

    it.each(descriptor.credentials.map((credential) => [credential.option, credential.envVar, credential] as const))(
      "names %s and %s when that credential is missing, without sending",
      async (option, envVar) => {
        stubAll();
        vi.stubEnv(envVar, "");
        const fetch = fakeFetch();
        const error = await cases.call(cases.create(fetch)).catch((e: unknown) => e);
        expect(ConfigurationError.isInstance(error)).toBe(true);
        expect(error).toMatchObject({ option, envVar });
        expect((error as Error).message).toContain(`\`${option}\``);
        expect((error as Error).message).toContain(envVar);
        expect(fetch).not.toHaveBeenCalled();
      },
    );

    it(`reads ${descriptor.credentials.map((c) => c.envVar).join(", ")} lazily, at request time`, async () => {
      for (const credential of descriptor.credentials) vi.stubEnv(credential.envVar, "");
      const fetch = fakeFetch();
      const client = cases.create(fetch);
      stubAll();
      await cases.call(client);
      expect(fetch).toHaveBeenCalledTimes(1);
      const headers = fetch.mock.calls[0]?.[0].headers;
      for (const credential of descriptor.credentials) {
        const sent = headers?.get(credential.header);
        const value = envValue(descriptor, credential);
        if (credential.scheme === "basicAuth") {
          const [id, secret] = descriptor.credentials.map((c) => envValue(descriptor, c));
          expect(sent).toBe(`Basic ${btoa(`${id}:${secret}`)}`);
        } else if (credential.scheme === "bearerAuth") {
          // An HTTP Bearer scheme (Stripe): the key after `Bearer `.
          expect(sent).toBe(`Bearer ${value}`);
        } else if (credential.scheme === "HmacSignature") {
          // A signing secret is never sent: only the signature it makes.
          expect(sent).toMatch(/^[0-9a-f]{64}$/);
          expect([...(headers?.values() ?? [])].join()).not.toContain(value);
        } else if (sent?.startsWith("Bearer ")) {
          expect(sent).toBe(`Bearer ${value}`);
        } else {
          expect(sent).toBe(`${credential.prefix ?? ""}${value}`);
        }
      }
    });
  });
}

/** A webhook request as the adapters take it. */
export interface ConformanceWebhookRequest {
  headers: Record<string, string> | Headers;
  rawBody: string | Uint8Array;
}

/** How the webhook cases build the provider's adapter and what an authentic delivery normalizes to. */
export interface WebhookCases {
  /** The provider's generated `<provider>AdapterDescriptor`. */
  adapter: AdapterDescriptor;
  /** The webhook adapter, built with this webhook secret, or with none (`null`: read from the environment). */
  webhooks: (secret: string | null) => { verifyWebhook(request: ConformanceWebhookRequest): Promise<unknown> };
  /**
   * An authentic delivery body, and the event it must normalize to. `reasons`, `occurredAt` and
   * `deliveryKey` default to none, null and the body's SHA-256: state them where the payload has them.
   */
  body: string;
  /** Null for a scheme of `none` (nothing is ever accepted). */
  event: object | null;
  /** The clock the adapter reads, in ms (timestamped schemes sign relative to it). */
  nowMs?: number;
  /** Authentic deliveries carrying documented statuses (and an undocumented one), each with the outcome it must map to. */
  outcomes?: readonly OutcomeCase[];
}

/** A delivery whose status must map to `outcome` (and `terminal`). */
export interface OutcomeCase {
  body: string;
  status: string;
  outcome: Outcome;
  terminal: boolean;
}

/**
 * Outcome cases made from one authentic body: `from` (the status it carries, as a JSON string,
 * which must occur once in it) replaced by each row's status.
 */
export function outcomeCases(
  body: string,
  from: string,
  rows: readonly (readonly [status: string, outcome: Outcome, terminal: boolean])[],
): OutcomeCase[] {
  const quoted = JSON.stringify(from);
  if (body.split(quoted).length !== 2) throw new Error(`outcomeCases: ${quoted} must occur exactly once in the body`);
  return rows.map(([status, outcome, terminal]) => ({
    body: body.replace(quoted, JSON.stringify(status)),
    status,
    outcome,
    terminal,
  }));
}

const SECRET = "conformance_webhook_secret";

function hmacHex(algorithm: string, key: string, payload: string): string {
  return createHmac(algorithm.replace("-", "").toLowerCase(), key).update(payload).digest("hex");
}

/**
 * Registers the webhook cases the descriptor's scheme calls for: for an HMAC scheme, an authentic
 * delivery is accepted and normalized, a wrong key, another algorithm, a changed body or a missing
 * header is refused, and the secret comes from its option or environment variable; for `none`,
 * every delivery is refused with a ConfigurationError that says why, whatever the headers.
 */
export function webhookCases(input: WebhookCases): void {
  const { adapter, body } = input;
  const cases = {
    ...input,
    event: input.event && {
      reasons: [],
      occurredAt: null,
      deliveryKey: `${adapter.provider}:sha256:${createHash("sha256").update(body).digest("hex")}`,
      ...input.event,
    },
  };
  const { webhook } = adapter;
  const refuse = async (request: ConformanceWebhookRequest, secret: string | null = SECRET) =>
    cases
      .webhooks(secret)
      .verifyWebhook(request)
      .catch((e: unknown) => e);

  describe(`${adapter.provider} webhooks, scheme ${webhook.scheme} (conformance)`, () => {
    afterEach(() => vi.unstubAllEnvs());
    /** Registers the outcome cases, given how to sign a body as an authentic delivery. */
    const outcomeTests = (deliver: (payload: string) => ConformanceWebhookRequest) =>
      cases.outcomes?.length &&
      it.each((cases.outcomes ?? []).map((c) => [c.status, c] as const))(
        "maps the status %s to its outcome",
        async (_status, c) => {
          await expect(cases.webhooks(SECRET).verifyWebhook(deliver(c.body))).resolves.toMatchObject({
            status: c.status,
            outcome: c.outcome,
            terminal: c.terminal,
          });
        },
      );

    if (webhook.scheme === "none") {
      it.each([
        ["an HMAC header of another provider", { "X-HMAC-SIGNATURE": hmacHex("SHA-256", SECRET, body) }],
        ["no signature header", {}],
      ])(`rejects a delivery with %s: ${adapter.title} documents no webhook signature`, async (_name, headers) => {
        const error = await refuse({ headers, rawBody: body });
        expect(error).toBeInstanceOf(ConfigurationError);
        expect((error as Error).message).toBe(`${adapter.provider} webhooks cannot be verified: ${webhook.why}`);
      });

      it("rejects (a promise, not a synchronous throw) without needing any key or secret", async () => {
        const result = cases.webhooks(null).verifyWebhook({ headers: {}, rawBody: body });
        expect(result).toBeInstanceOf(Promise);
        await expect(result).rejects.toBeInstanceOf(ConfigurationError);
      });
      return;
    }

    const secretSource = adapter.webhook.secret;
    if (!secretSource) throw new Error(`${adapter.provider}: an HMAC webhook scheme must name its secret`);
    const { algorithm } = webhook;
    const other = algorithm === "SHA-256" ? "SHA-512" : "SHA-256";

    if (webhook.scheme === "body-hmac") {
      const sign = (payload = body, key = SECRET, with_ = algorithm) => hmacHex(with_, key, payload);
      const header = webhook.headers[0] ?? "";
      outcomeTests((payload) => ({ headers: { [header]: sign(payload) }, rawBody: payload }));

      it.each(webhook.headers)("accepts a valid %s over a byte body and normalizes the event", async (name) => {
        const event = await cases.webhooks(SECRET).verifyWebhook({
          headers: { [name.toLowerCase()]: sign() },
          rawBody: new TextEncoder().encode(body),
        });
        expect(event).toEqual(cases.event);
      });

      it.each(webhook.headers)("accepts %s in a Headers object, with an upper-case signature", async (name) => {
        const headers = new Headers({ [name]: sign().toUpperCase() });
        await expect(cases.webhooks(SECRET).verifyWebhook({ headers, rawBody: body })).resolves.toEqual(cases.event);
      });

      it(`reads ${secretSource.envVar} when no option is given`, async () => {
        vi.stubEnv(secretSource.envVar, SECRET);
        await expect(
          cases.webhooks(null).verifyWebhook({ headers: { [header]: sign() }, rawBody: body }),
        ).resolves.toEqual(cases.event);
      });

      it.each([
        ["a wrong secret", { [header]: sign(body, "another_secret") }, body, /does not match/],
        [`a ${other} signature`, { [header]: sign(body, SECRET, other) }, body, /does not match/],
        ["a modified body", { [header]: sign() }, `${body} `, /does not match/],
        ["a missing header", {}, body, new RegExp(`the ${webhook.headers.join(" or ")} header is missing`)],
        ["an empty header", { [header]: "" }, body, /header is missing/],
        ["a non-JSON body", { [header]: sign("not json") }, "not json", /not JSON/],
      ])("refuses %s", async (_name, headers, rawBody, message) => {
        const error = await refuse({ headers, rawBody });
        expect(error).toBeInstanceOf(WebhookVerificationError);
        expect(error).toMatchObject({ provider: adapter.provider });
        expect((error as Error).message).toMatch(message);
      });
    } else {
      const nowMs = cases.nowMs ?? Date.now();
      const t = Math.floor(nowMs / 1000) - 5;
      const tolerance = webhook.toleranceSeconds;
      const sign = (timestamp = t, key = SECRET, payload = body, with_ = algorithm) =>
        hmacHex(with_, key, `${timestamp}.${payload}`);
      const header = webhook.header;
      outcomeTests((payload) => ({ headers: { [header]: `t=${t},v1=${sign(t, SECRET, payload)}` }, rawBody: payload }));

      it(`accepts a valid ${header} and normalizes the event`, async () => {
        const event = await cases.webhooks(SECRET).verifyWebhook({
          headers: { [header.toLowerCase()]: `t=${t},v1=${sign()}` },
          rawBody: new TextEncoder().encode(body),
        });
        expect(event).toEqual(cases.event);
      });

      it("accepts any of several v1 signatures (secret rotation)", async () => {
        const value = `t=${t},v1=${sign(t, "old_secret")},v1=${sign()}`;
        await expect(
          cases.webhooks(SECRET).verifyWebhook({ headers: new Headers({ [header]: value }), rawBody: body }),
        ).resolves.toEqual(cases.event);
      });

      it(`reads ${secretSource.envVar} when no option is given`, async () => {
        vi.stubEnv(secretSource.envVar, SECRET);
        await expect(
          cases.webhooks(null).verifyWebhook({ headers: { [header]: `t=${t},v1=${sign()}` }, rawBody: body }),
        ).resolves.toEqual(cases.event);
      });

      it.each([
        ["a wrong secret", `t=${t},v1=${sign(t, "another_secret")}`, /does not match/],
        [`a ${other} signature`, `t=${t},v1=${sign(t, SECRET, body, other)}`, /does not match/],
        ["a modified body", `t=${t},v1=${sign(t, SECRET, `${body} `)}`, /does not match/],
        [
          `a timestamp older than ${tolerance} s`,
          `t=${t - tolerance - 1},v1=${sign(t - tolerance - 1)}`,
          /possible replay/,
        ],
        [
          "a timestamp far in the future",
          `t=${t + tolerance + 100},v1=${sign(t + tolerance + 100)}`,
          /possible replay/,
        ],
        ["a malformed header", `sha256=${sign()}`, /not `t=<unix seconds>,v1=<hex>`/],
        ["a missing header", "", new RegExp(`the ${header} header is missing`)],
      ])("refuses %s", async (_name, value, message) => {
        const error = await refuse({ headers: value ? { [header]: value } : {}, rawBody: body });
        expect(error).toBeInstanceOf(WebhookVerificationError);
        expect(error).toMatchObject({ provider: adapter.provider });
        expect((error as Error).message).toMatch(message);
      });
    }

    it(`needs the webhook secret, by option or ${secretSource.envVar}`, async () => {
      vi.stubEnv(secretSource.envVar, "");
      const error = await refuse({ headers: {}, rawBody: body }, null);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error).toMatchObject({ option: secretSource.option, envVar: secretSource.envVar });
      expect((error as Error).message).toContain(secretSource.envVar);
    });
  });
}

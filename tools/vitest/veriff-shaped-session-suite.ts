// The session mapping Veriff and EarthID share (specs/components/veriff-session-mapping.ts, generated
// into both packages): one suite, run by each package with its own client factory and descriptor,
// instead of a copy per package.
import { InputValidationError } from "@verifetch/core";
import type { AdapterDescriptor } from "@verifetch/core/provider";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { mockBaseUrl } from "./mock-urls.ts";

type Fetch = (request: Request) => Promise<Response>;

/** The client options the cases pass to the package's `create…` factory. */
export interface VeriffShapedClientOptions {
  apiKey?: string;
  fetch?: Fetch;
  clock?: { now: () => number };
  baseUrl?: string;
}

/** A unified session input, loosely typed: the cases build it per provider key (and deliberately ill-typed). */
export interface LooseSessionInput {
  reference: string;
  [field: string]: unknown;
}

/** The adapter surface the cases call (method syntax: each package's stricter input type fits). */
export interface VeriffShapedSessions {
  createSession(input: LooseSessionInput): Promise<{
    url: string;
    expiresAt: Date | null;
    unsentFields: readonly { field: string }[];
    raw: { verification?: { sessionToken?: unknown } };
  }>;
  validate(input: LooseSessionInput): void;
}

/** What a package running the Veriff-shaped mapping cases passes. */
export interface VeriffShapedCases<TClient> {
  descriptor: {
    adapter: AdapterDescriptor;
    baseUrl: string;
    credentials: readonly { envVar: string }[];
    operations: readonly { operationId: string; path: string }[];
  };
  create: (options: VeriffShapedClientOptions) => TClient;
  sessions: (client: TClient) => VeriffShapedSessions;
  apiKey: string;
  /** The provider's answer to a create call (also what its Prism mock's example returns). */
  created: { verification: { id: string; url: string } };
  /** What the Prism mock's session URL looks like. */
  mockUrl: RegExp;
}

/** Registers the mapping cases (unified input → provider body, refusals, expiry, Prism) for one provider. */
export function veriffShapedSessionCases<TClient>(cases: VeriffShapedCases<TClient>): void {
  const { provider, title } = cases.descriptor.adapter;
  const ttlMs = cases.descriptor.adapter.session.ttlMs ?? 0;
  const createPath = cases.descriptor.operations.find((op) => op.operationId === "createSession")?.path;
  const { apiKey } = cases;
  const now = Date.parse("2026-02-01T12:00:00Z");
  const _sessionId = cases.created.verification.id;
  const fakeFetch = () => vi.fn(async (_request: Request) => Response.json(cases.created, { status: 201 }));

  describe(`${provider} (facade adapter over the Veriff-shaped session mapping)`, () => {
    beforeEach(() => {
      for (const credential of cases.descriptor.credentials) vi.stubEnv(credential.envVar, "");
    });
    afterEach(() => vi.unstubAllEnvs());

    it("maps the unified input to the Veriff-shaped verification object and the response to a HostedSession", async () => {
      const fetch = fakeFetch();
      const client = cases.create({ apiKey, fetch, clock: { now: () => now } });
      const session = await cases.sessions(client).createSession({
        reference: "user_1",
        redirectUrl: "https://app.example/done",
        country: "GB",
        metadata: { plan: "pro" },
        person: {
          firstName: "Ada",
          lastName: "Lovelace",
          email: "ada@example.com",
          phone: "+441234567890",
          dateOfBirth: "1815-12-10",
        },
        providerOptions: {
          [provider]: {
            document: { type: "PASSPORT", number: "AB1234567" },
            endUserId: "5d3b4f7e-3a0b-4c1e-9d2a-7f1e2c3b4a59",
            consents: [{ type: "ine", approved: true }],
            address: { fullAddress: "1 Example Street, London" },
          },
        },
      });
      expect(session).toEqual({
        provider,
        id: cases.created.verification.id,
        url: cases.created.verification.url,
        expiresAt: new Date(now + ttlMs),
        sandbox: null,
        status: "created",
        raw: cases.created,
        unsentFields: [{ field: "metadata", reason: `${title} takes no metadata` }],
      });
      const request = fetch.mock.calls[0]?.[0];
      expect(request?.url).toBe(`${cases.descriptor.baseUrl}${createPath}`);
      // metadata is not sent: there is no such field.
      expect(await request?.json()).toEqual({
        verification: {
          vendorData: "user_1",
          callback: "https://app.example/done",
          person: {
            firstName: "Ada",
            lastName: "Lovelace",
            email: "ada@example.com",
            phoneNumber: "+441234567890",
            dateOfBirth: "1815-12-10",
          },
          document: { country: "GB", type: "PASSPORT", number: "AB1234567" },
          address: { fullAddress: "1 Example Street, London" },
          endUserId: "5d3b4f7e-3a0b-4c1e-9d2a-7f1e2c3b4a59",
          consents: [{ type: "ine", approved: true }],
        },
      });
    });

    it("sends only the reference for a minimal input", async () => {
      const fetch = fakeFetch();
      await cases.sessions(cases.create({ apiKey, fetch })).createSession({ reference: "user_1" });
      expect(await fetch.mock.calls[0]?.[0].json()).toEqual({ verification: { vendorData: "user_1" } });
    });

    it("lets providerOptions.<provider>.document.country win over the unified country", async () => {
      const fetch = fakeFetch();
      await cases.sessions(cases.create({ apiKey, fetch })).createSession({
        reference: "user_1",
        country: "GB",
        providerOptions: { [provider]: { document: { country: "EE", type: "ID_CARD" } } },
      });
      expect(await fetch.mock.calls[0]?.[0].json()).toEqual({
        verification: { vendorData: "user_1", document: { country: "EE", type: "ID_CARD" } },
      });
    });

    it("takes expiresAt from the documented lifetime measured before the request", async () => {
      let clock = now;
      const fetch = vi.fn(async () => {
        clock += 5_000;
        return Response.json(cases.created, { status: 201 });
      });
      const session = await cases.sessions(cases.create({ apiKey, fetch, clock: { now: () => clock } })).createSession({
        reference: "user_1",
      });
      expect(session.expiresAt).toEqual(new Date(now + ttlMs));
    });

    it("does not send, and reports, a language, cancel URL or idempotency key (the mapping takes none)", async () => {
      const fetch = fakeFetch();
      const session = await cases.sessions(cases.create({ apiKey, fetch })).createSession({
        reference: "u",
        language: "en",
        cancelUrl: "https://a.example/cancel",
        idempotencyKey: "order-7",
      });
      expect(session.unsentFields.map((entry) => entry.field)).toEqual(["cancelUrl", "idempotencyKey", "language"]);
      const request = fetch.mock.calls[0]?.[0];
      expect(await request?.json()).toEqual({ verification: { vendorData: "u" } });
      expect(request?.headers.get("Idempotency-Key")).toBeNull();
    });

    it.each([
      [{ reference: "u", language: "english" }, "language"],
      [{ reference: "u", redirectUrl: "http://a.example" }, "redirectUrl"],
      [{ reference: "u", country: "UK" }, "country"],
      [{ reference: "" }, "reference"],
      [{ reference: "x".repeat(1001) }, "reference"],
      [{ reference: "u", idempotencyKey: 7 }, "idempotencyKey"],
      [{ reference: "u", person: { dateOfBirth: "10/12/1815" } }, "person.dateOfBirth"],
      [{ reference: "u", providerOptions: { [provider]: "passport" } }, `providerOptions.${provider}`],
      [
        { reference: "u", providerOptions: { [provider]: { workflowId: "w" } } },
        `providerOptions.${provider}.workflowId`,
      ],
      [
        { reference: "u", providerOptions: { [provider]: { document: "PASSPORT" } } },
        `providerOptions.${provider}.document`,
      ],
      [
        { reference: "u", providerOptions: { [provider]: { document: { idCardType: "CC" } } } },
        `providerOptions.${provider}.document.idCardType`,
      ],
      [
        { reference: "u", providerOptions: { [provider]: { document: { type: 1 } } } },
        `providerOptions.${provider}.document.type`,
      ],
      [
        { reference: "u", providerOptions: { [provider]: { document: { number: "AB-123" } } } },
        `providerOptions.${provider}.document.number`,
      ],
      [
        { reference: "u", providerOptions: { [provider]: { document: { country: "Estonia" } } } },
        `providerOptions.${provider}.document.country`,
      ],
      [
        { reference: "u", providerOptions: { [provider]: { endUserId: "user-1" } } },
        `providerOptions.${provider}.endUserId`,
      ],
      [
        { reference: "u", providerOptions: { [provider]: { consents: { type: "ine" } } } },
        `providerOptions.${provider}.consents`,
      ],
      [
        { reference: "u", providerOptions: { [provider]: { consents: ["ine"] } } },
        `providerOptions.${provider}.consents[0]`,
      ],
      [
        { reference: "u", providerOptions: { [provider]: { consents: [{ approved: true }] } } },
        `providerOptions.${provider}.consents[0].type`,
      ],
      [
        { reference: "u", providerOptions: { [provider]: { consents: [{ type: "ine", approved: "yes" }] } } },
        `providerOptions.${provider}.consents[0].approved`,
      ],
      [
        { reference: "u", providerOptions: { [provider]: { address: "1 Example St" } } },
        `providerOptions.${provider}.address`,
      ],
      [
        { reference: "u", providerOptions: { [provider]: { address: { fullAddress: "" } } } },
        `providerOptions.${provider}.address.fullAddress`,
      ],
      [
        { reference: "u", providerOptions: { [provider]: { address: { street: "1 Example St" } } } },
        `providerOptions.${provider}.address.street`,
      ],
    ])("refuses %j before any request", async (input, field) => {
      const fetch = vi.fn();
      const client = cases.create({ apiKey, fetch });
      // Some inputs are deliberately ill-typed: validation is for JavaScript callers too.
      const error = await cases
        .sessions(client)
        .createSession(input as never)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputValidationError);
      expect(error).toMatchObject({ field });
      expect(fetch).not.toHaveBeenCalled();
      expect(() => cases.sessions(client).validate(input as never)).toThrow(InputValidationError);
    });

    it("accepts a 1000-character reference", () => {
      expect(() => cases.sessions(cases.create({ apiKey })).validate({ reference: "x".repeat(1000) })).not.toThrow();
    });

    it("declares the contract", () => {
      const sessions = cases.sessions(cases.create({ apiKey }));
      expect(sessions).toMatchObject({ specificationVersion: "v4", provider, languages: null });
    });

    it("creates a session through the Prism mock", async () => {
      const client = cases.create({ apiKey, baseUrl: mockBaseUrl(provider), clock: { now: () => now } });
      const session = await cases.sessions(client).createSession({
        reference: "5d3b4f7e-3a0b-4c1e-9d2a-7f1e2c3b4a59",
        redirectUrl: "https://www.example.com/verification-done",
        country: "EE",
        person: { firstName: "John", lastName: "Smith" },
        providerOptions: { [provider]: { document: { type: "PASSPORT" } } },
      });
      expect(session).toMatchObject({
        provider,
        id: cases.created.verification.id,
        sandbox: null,
        status: "created",
        expiresAt: new Date(now + ttlMs),
      });
      expect(session.url).toMatch(cases.mockUrl);
      expect(session.raw.verification?.sessionToken).toBeTypeOf("string");
    });
  });
}

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { InputValidationError, type Outcome } from "@verifetch/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "./mock-server.ts";

// A session read with a default and two outcome examples, an operation with only its default, and
// one whose request can break the spec (its 400 has no outcome example).
const checksSpec = `openapi: 3.1.0
info: { title: checks, version: "1" }
components:
  schemas:
    Check:
      type: object
      required: [id, status]
      properties: { id: { type: string }, status: { type: string, enum: [pending, approved, declined] } }
paths:
  /checks/{id}:
    get:
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        "200":
          description: the check
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Check" }
              examples:
                started: { value: { id: chk_1, status: pending } }
                approved: { value: { id: chk_1, status: approved } }
                declined: { value: { id: chk_1, status: declined } }
  /ping:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { type: object, properties: { pong: { type: boolean } } }
              examples: { ok: { value: { pong: true } } }
  /checks:
    post:
      requestBody:
        required: true
        content:
          application/json:
            schema: { type: object, required: [name], properties: { name: { type: string } } }
      responses:
        "201":
          description: created
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Check" }
              examples:
                created: { value: { id: chk_2, status: pending } }
                declined: { value: { id: chk_2, status: declined } }
        "400":
          description: invalid
          content:
            application/json:
              schema: { type: object, properties: { error: { type: string } } }
              examples: { bad: { value: { error: "Something was wrong." } } }
`;

const REPO = resolve(import.meta.dirname, "../../..");
const packagedSpec = (provider: string) => join(REPO, "packages", provider, "openapi.yaml");

function writeSpec(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "verifetch-scenario-"));
  const spec = join(dir, "checks.yaml");
  writeFileSync(spec, text);
  return spec;
}

const json = async (response: Response) => [response.status, await response.json()] as const;

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("mock.scenario against a small spec", () => {
  let mock: MockServer;
  const check = (headers: Record<string, string> = {}) => fetch(`${mock.baseUrl}/checks/chk_1`, { headers });
  const create = (body: unknown) =>
    fetch(`${mock.baseUrl}/checks`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  beforeAll(async () => {
    mock = await startMock(writeSpec(checksSpec));
  });
  afterAll(() => mock?.stop());

  it("lists the outcomes some operation has an example for, in OUTCOMES order", () => {
    expect(mock.scenarios()).toEqual(["approved", "declined"]);
  });

  it("answers every operation that has the outcome's example with it, until scenario(null)", async () => {
    expect(await json(await check())).toEqual([200, { id: "chk_1", status: "pending" }]);
    mock.scenario("declined");
    expect(await json(await check())).toEqual([200, { id: "chk_1", status: "declined" }]);
    expect(await json(await check())).toEqual([200, { id: "chk_1", status: "declined" }]); // stays
    expect(await json(await create({ name: "a" }))).toEqual([201, { id: "chk_2", status: "declined" }]);
    mock.scenario("approved");
    expect(await json(await check())).toEqual([200, { id: "chk_1", status: "approved" }]);
    expect(await json(await create({ name: "a" }))).toEqual([201, { id: "chk_2", status: "pending" }]); // none
    mock.scenario(null);
    expect(await json(await check())).toEqual([200, { id: "chk_1", status: "pending" }]);
    expect(mock.violations()).toEqual([]);
  });

  it("leaves operations without that example, a caller's own Prefer and refused requests alone", async () => {
    mock.scenario("declined");
    try {
      expect(await json(await fetch(`${mock.baseUrl}/ping`))).toEqual([200, { pong: true }]);
      expect(await json(await check({ Prefer: "example=approved" }))).toEqual([
        200,
        { id: "chk_1", status: "approved" },
      ]);
      const forced = await check({ Prefer: "code=200" });
      expect(await json(forced)).toEqual([200, { id: "chk_1", status: "pending" }]);

      mock.clearViolations();
      const refused = await create({ colour: "red" });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { detail: string }).detail).toMatch(/^the request breaks the spec: body/);
      expect(mock.violations()).toEqual([expect.objectContaining({ method: "POST", rule: "required" })]);
    } finally {
      mock.scenario(null);
      mock.clearViolations();
    }
  });

  it("refuses an outcome the spec has no example for, or no outcome at all, naming the spec and its outcomes", () => {
    const missing = thrown(() => mock.scenario("expired"));
    expect(missing).toBeInstanceOf(InputValidationError);
    expect(missing).toMatchObject({ field: "outcome" });
    expect(String((missing as Error).message)).toMatch(
      /^outcome: the spec of .*checks\.yaml has no example named "expired" on any operation, so the mock cannot play it; it has examples for: approved, declined$/,
    );
    const typo = thrown(() => mock.scenario("decline" as Outcome));
    expect(typo).toBeInstanceOf(InputValidationError);
    expect((typo as Error).message).toMatch(
      /^outcome: "decline" is not an outcome \(approved, declined, completed, review, /,
    );
  });
});

describe("mock.scenario against provider specs", () => {
  const mocks: MockServer[] = [];
  afterAll(() => Promise.all(mocks.map((mock) => mock.stop())));
  const start = async (provider: string) => {
    const mock = await startMock(packagedSpec(provider));
    mocks.push(mock);
    return mock;
  };

  it("veriff: getDecision answers the declined decision, then the default again", async () => {
    const mock = await start("veriff");
    const sessionId = "12df6045-3846-3e45-946a-14fa6136d78b";
    const auth = { "X-AUTH-CLIENT": "key", "X-HMAC-SIGNATURE": "0".repeat(64) };
    const decision = () => fetch(`${mock.baseUrl}/v1/sessions/${sessionId}/decision`, { headers: auth });
    const update = () =>
      fetch(`${mock.baseUrl}/v1/sessions/${sessionId}`, {
        method: "PATCH",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ verification: { status: "submitted" } }),
      });

    expect(mock.scenarios()).toEqual([
      "approved",
      "declined",
      "review",
      "resubmission_requested",
      "pending",
      "expired",
      "abandoned",
    ]);
    const [, before] = await json(await decision());
    expect(before).toMatchObject({ verification: { status: "approved" } });
    const [, updatedBefore] = await json(await update());

    mock.scenario("declined");
    const [status, declined] = await json(await decision());
    expect(status).toBe(200);
    expect(declined).toMatchObject({
      verification: { status: "declined", code: 9102, reasonCode: "102", reason: "Suspected document tampering" },
    });
    expect(await json(await update())).toEqual([200, updatedBefore]); // no outcome example: unaffected

    mock.scenario(null);
    expect((await json(await decision()))[1]).toEqual(before);
    expect(mock.violations()).toEqual([]);
  });

  it("stripe-identity: getVerificationSession answers canceled for abandoned; declined is not offered", async () => {
    const mock = await start("stripe-identity");
    const auth = { Authorization: "Bearer sk_test_123" };
    const session = () => fetch(`${mock.baseUrl}/v1/identity/verification_sessions/vs_123`, { headers: auth });
    const redact = () =>
      fetch(`${mock.baseUrl}/v1/identity/verification_sessions/vs_123/redact`, { method: "POST", headers: auth });

    expect(mock.scenarios()).toEqual(["approved", "pending", "abandoned"]);
    expect((await json(await session()))[1]).toMatchObject({ status: "verified" });
    const [, redactedBefore] = await json(await redact());

    mock.scenario("pending");
    expect((await json(await session()))[1]).toMatchObject({
      status: "requires_input",
      last_error: { code: "document_unverified_other" },
    });
    mock.scenario("abandoned");
    expect((await json(await session()))[1]).toMatchObject({ status: "canceled" });
    expect((await json(await redact()))[1]).toEqual(redactedBefore);

    mock.scenario(null);
    expect((await json(await session()))[1]).toMatchObject({ status: "verified" });

    const declined = thrown(() => mock.scenario("declined"));
    expect(declined).toBeInstanceOf(InputValidationError);
    expect((declined as Error).message).toContain(
      'has no example named "declined" on any operation, so the mock cannot play it; it has examples for: approved, pending, abandoned',
    );
    expect((declined as Error).message).toContain("stripe-identity");
  });
});

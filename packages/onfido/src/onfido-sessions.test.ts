import { createHmac } from "node:crypto";
import { InputValidationError, InternalServerError, WebhookVerificationError } from "@verifetch/core";
import { describe, expect, it, vi } from "vitest";
import { outcomeCases, webhookCases } from "../../../tools/vitest/conformance-suite.ts";
import { createOnfido, onfidoAdapterDescriptor, onfidoApplicantIdOf, onfidoSessions, onfidoWebhooks } from "./index.ts";

const applicantId = "7c9ba1f2-2d43-4b2a-9e43-0f1e3f7d9a10";
const workflowId = "3f2a9c58-1b0e-4d3c-9a77-5b2f1e6c8d40";
const run = {
  id: "5e1f7a3c-8b2d-4c6e-9f10-2a3b4c5d6e7f",
  applicant_id: applicantId,
  workflow_id: workflowId,
  status: "awaiting_input",
  link: { url: "https://eu.onfido.app/l/5e1f7a3c", expires_at: "2026-11-27T10:15:00Z" },
};
const person = { firstName: "Jane", lastName: "Doe", email: "jane@example.com", dateOfBirth: "1990-01-31" };

/** A fake Onfido: each path answers with the next of its answers (then the last one again). */
function fakeOnfido(answers: Record<string, Response[]>) {
  const fetch = vi.fn(async (request: Request) => {
    const path = new URL(request.url).pathname;
    const queue = answers[path] ?? [];
    return (queue.length > 1 ? queue.shift() : queue[0]?.clone()) ?? new Response("no route", { status: 599 });
  });
  const posts = (path: string) => fetch.mock.calls.filter(([request]) => new URL(request.url).pathname === path);
  return { adapter: onfidoSessions(createOnfido({ apiToken: "api_sandbox.key", fetch })), fetch, posts };
}
const ok = () => ({
  "/v3.6/applicants": [Response.json({ id: applicantId }, { status: 201 })],
  "/v3.6/workflow_runs": [Response.json(run, { status: 201 })],
});

describe("onfidoSessions(onfido) (facade adapter)", () => {
  it("creates the applicant from `person`, then the run with its link; the session is the run", async () => {
    const { adapter, posts } = fakeOnfido(ok());
    const session = await adapter.createSession({
      reference: "user_1",
      redirectUrl: "https://app.example/done",
      cancelUrl: "https://app.example/cancel",
      language: "fr",
      country: "GB",
      person,
      metadata: { plan: "pro" },
      providerOptions: {
        onfido: { workflowId, tags: ["vip"], expiredRedirectUrl: "https://app.example/expired" },
      },
    });
    expect(session).toEqual({
      provider: "onfido",
      id: run.id,
      url: run.link.url,
      status: "awaiting_input",
      expiresAt: new Date(run.link.expires_at),
      sandbox: true,
      raw: run,
      unsentFields: [
        { field: "cancelUrl", reason: "Onfido has no cancel URL" },
        { field: "country", reason: "Onfido takes no country" },
        { field: "metadata", reason: "Onfido takes no metadata" },
      ],
    });
    expect(await posts("/v3.6/applicants")[0]?.[0].json()).toEqual({
      first_name: "Jane",
      last_name: "Doe",
      email: "jane@example.com",
      dob: "1990-01-31",
    });
    expect(await posts("/v3.6/workflow_runs")[0]?.[0].json()).toEqual({
      workflow_id: workflowId,
      tags: ["vip"],
      applicant_id: applicantId,
      customer_user_id: "user_1",
      link: {
        expired_redirect_url: "https://app.example/expired",
        completed_redirect_url: "https://app.example/done",
        language: "fr_FR",
      },
    });
  });

  it("refuses an input without the applicant's names before any request", async () => {
    const { adapter, fetch } = fakeOnfido(ok());
    const input = {
      reference: "u",
      person: { firstName: "Jane" },
      providerOptions: { onfido: { workflowId } },
    };
    const error = await adapter.createSession(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputValidationError);
    expect(error).toMatchObject({ field: "person.lastName" });
    await expect(adapter.createSession({ reference: "u", providerOptions: {} })).rejects.toMatchObject({
      field: "providerOptions.onfido",
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("with `applicantId`, creates no applicant and reports the person it did not send", async () => {
    const { adapter, posts } = fakeOnfido(ok());
    const session = await adapter.createSession({
      reference: "user_1",
      person: { firstName: "Jane" },
      providerOptions: { onfido: { workflowId, applicantId } },
    });
    expect(posts("/v3.6/applicants")).toHaveLength(0);
    expect(session.unsentFields).toEqual([{ field: "person.firstName", reason: "Onfido reuses the applicant" }]);
    expect(await posts("/v3.6/workflow_runs")[0]?.[0].json()).toMatchObject({ applicant_id: applicantId, link: {} });
  });

  it("a failed run create names the applicant it made; the retry with it creates no second applicant", async () => {
    const { adapter, posts } = fakeOnfido({
      "/v3.6/applicants": [Response.json({ id: applicantId }, { status: 201 })],
      "/v3.6/workflow_runs": [
        Response.json({ error: { type: "internal_server_error", message: "boom" } }, { status: 500 }),
        Response.json(run, { status: 201 }),
      ],
    });
    const input = { reference: "user_1", person, providerOptions: { onfido: { workflowId } } };
    const error = await adapter.createSession(input).catch((e: unknown) => e);
    // The transport's error, class and facts kept: a 500 on a create without idempotency key.
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 500, retryCount: 0, isSafeToRetry: false, onfidoApplicantId: applicantId });
    expect(onfidoApplicantIdOf(error)).toBe(applicantId);
    expect((error as Error).message).toContain(`applicant ${applicantId} exists`);
    expect(posts("/v3.6/workflow_runs")).toHaveLength(1);

    const retried = await adapter.createSession({
      ...input,
      providerOptions: { onfido: { workflowId, applicantId: onfidoApplicantIdOf(error) } },
    });
    expect(retried.id).toBe(run.id);
    expect(posts("/v3.6/applicants")).toHaveLength(1);
    expect(posts("/v3.6/workflow_runs")).toHaveLength(2);
  });

  it("a failed applicant create names no applicant (none is known to exist) and sends no run", async () => {
    const { adapter, posts } = fakeOnfido({
      "/v3.6/applicants": [Response.json({ error: { type: "validation_error", message: "bad" } }, { status: 422 })],
    });
    const input = { reference: "u", person, providerOptions: { onfido: { workflowId } } };
    const error = await adapter.createSession(input).catch((e: unknown) => e);
    expect(onfidoApplicantIdOf(error)).toBeUndefined();
    expect(posts("/v3.6/workflow_runs")).toHaveLength(0);
  });

  it("onfidoApplicantIdOf finds the applicant inside a fallback's attempts, and nothing in anything else", () => {
    const failed = Object.assign(new Error("x"), { onfidoApplicantId: applicantId });
    expect(onfidoApplicantIdOf({ attempts: [{ provider: "veriff", error: new Error("y") }, { error: failed }] })).toBe(
      applicantId,
    );
    for (const value of [undefined, null, "x", new Error("plain"), { attempts: "no" }]) {
      expect(onfidoApplicantIdOf(value)).toBeUndefined();
    }
  });
});

const secret = "whsec_onfido_1";
const sign = (body: string) => createHmac("sha256", secret).update(body).digest("hex");
const webhooks = () => onfidoWebhooks(createOnfido({ apiToken: "api_sandbox.key", webhookSecret: secret }));

describe("Onfido webhook events", () => {
  it("a workflow task event names its run through `resource`, with the reference", async () => {
    const body = JSON.stringify({
      payload: {
        resource_type: "workflow_task",
        action: "workflow_task.completed",
        object: { id: "task_1", status: "completed" },
        resource: { workflow_run_id: run.id, customer_user_id: "user_1" },
      },
    });
    const event = await webhooks().verifyWebhook({ headers: { "X-SHA2-Signature": sign(body) }, rawBody: body });
    expect(event).toMatchObject({ type: "workflow_task.completed", sessionId: run.id, reference: "user_1" });
  });

  it("refuses a signed body that is not an Onfido event", async () => {
    const body = JSON.stringify({ type: "other" });
    const error = await webhooks()
      .verifyWebhook({ headers: { "X-SHA2-Signature": sign(body) }, rawBody: body })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookVerificationError);
  });
});

const approvedBody = JSON.stringify({
  payload: {
    resource_type: "workflow_run",
    action: "workflow_run.completed",
    object: {
      id: run.id,
      status: "approved",
      completed_at_iso8601: "2026-11-20T10:21:40Z",
      href: `https://api.eu.onfido.com/v3.6/workflow_runs/${run.id}`,
    },
  },
});

webhookCases({
  adapter: onfidoAdapterDescriptor,
  webhooks: (webhookSecret) =>
    onfidoWebhooks(createOnfido({ apiToken: "api_sandbox.key", ...(webhookSecret !== null && { webhookSecret }) })),
  body: approvedBody,
  outcomes: outcomeCases(approvedBody, "approved", [
    ["approved", "approved", true],
    ["declined", "declined", true],
    ["review", "review", false],
    ["abandoned", "abandoned", true],
    ["error", "unknown", false],
    ["awaiting_input", "pending", false],
    ["not_a_status", "unknown", false],
  ]),
  event: {
    provider: "onfido",
    type: "workflow_run.completed",
    sessionId: run.id,
    reference: null,
    status: "approved",
    outcome: "approved",
    terminal: true,
    occurredAt: new Date("2026-11-20T10:21:40Z"),
    raw: JSON.parse(approvedBody),
  },
});

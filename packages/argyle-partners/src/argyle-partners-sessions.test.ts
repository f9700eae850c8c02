import { describe, expect, it } from "vitest";
import {
  argyleShapedSessionCases,
  argyleTestCredentials,
  argyleTestWebhookSecret,
  signArgyleWebhook,
} from "../../../tools/vitest/argyle-shaped-session-suite.ts";
import {
  argylePartnersDescriptor,
  argylePartnersSessions,
  argylePartnersWebhooks,
  createArgylePartners,
} from "./index.ts";

// The mapping, refusals, expiry, Prism and webhook cases Argyle Partners shares with Argyle.
argyleShapedSessionCases({
  descriptor: argylePartnersDescriptor,
  create: createArgylePartners,
  sessions: argylePartnersSessions,
  webhooks: argylePartnersWebhooks,
  // Banking sessions (the Partners Verifications Guide) answer with banking.link instead of link.
  bankingLink: true,
  missingLink: /with no `link` or `banking.link`/,
  webhookData: { client: "0d5cbb49-5ac3-4be9-9e9c-3f0e2a7dcd41" },
});

describe("argylePartnersWebhooks(argylePartners).verifyWebhook (Partners-only events)", () => {
  it("normalizes verifications.creation_failed, which names no verification", async () => {
    const failed = JSON.stringify({
      event: "verifications.creation_failed",
      name: "partner-hook",
      data: {
        user: "018051aa-f7a9-a0db-2f38-6cfa325e9d69",
        client: "0d5cbb49-5ac3-4be9-9e9c-3f0e2a7dcd41",
        context: { channel: "api", data_source: "payroll", report_type: "voie" },
      },
    });
    const partners = createArgylePartners({ ...argyleTestCredentials, webhookSecret: argyleTestWebhookSecret });
    await expect(
      argylePartnersWebhooks(partners).verifyWebhook({
        headers: { "X-Argyle-Signature": signArgyleWebhook(failed) },
        rawBody: failed,
      }),
    ).resolves.toEqual({
      provider: "argyle-partners",
      type: "verifications.creation_failed",
      sessionId: null,
      reference: null,
      status: null,
      outcome: "unknown",
      terminal: false,
      reasons: [],
      deliveryKey: expect.stringMatching(/^argyle-partners:sha256:[0-9a-f]{64}$/),
      occurredAt: null,
      raw: JSON.parse(failed),
    });
  });
});

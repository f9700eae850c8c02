import { webhookCases } from "../../../tools/vitest/conformance-suite.ts";
import { veriffShapedSessionCases } from "../../../tools/vitest/veriff-shaped-session-suite.ts";
import {
  createEarthId,
  earthIdAdapterDescriptor,
  earthIdDescriptor,
  earthIdSessions,
  earthIdWebhooks,
} from "./index.ts";

const apiKey = "earthid-test-key";
const sessionId = "a66ad316-19c3-45e1-b592-de6498000000";
const _now = Date.parse("2026-02-01T12:00:00Z");

const created = {
  status: "success",
  verification: {
    id: sessionId,
    url: "https://myearth.id/eyJ",
    vendorData: "user_1",
    host: "https://myearth.id/",
    status: "created",
    sessionToken: "eyJ",
  },
};

veriffShapedSessionCases({
  descriptor: earthIdDescriptor,
  create: (options) => createEarthId(options),
  sessions: (client) => earthIdSessions(client),
  apiKey,
  created,
  mockUrl: /^https:\/\/myearth\.id\/eyJhbGciOiJIUzI1NiIsInR5cCI$/,
});

// EarthID's documented decision webhook body: even a "valid" Veriff-style signature must not be accepted.
const decisionBody = JSON.stringify({
  status: "success",
  verification: { id: sessionId, code: 9001, status: "approved", vendorData: "user_1" },
  technicalData: { ip: "203.0.113.7" },
});

webhookCases({
  adapter: earthIdAdapterDescriptor,
  webhooks: () => earthIdWebhooks(createEarthId()),
  body: decisionBody,
  event: null,
});

import { argyleShapedSessionCases } from "../../../tools/vitest/argyle-shaped-session-suite.ts";
import { argyleDescriptor, argyleSessions, argyleWebhooks, createArgyle } from "./index.ts";

// The mapping, refusals, expiry, Prism and webhook cases Argyle shares with Argyle Partners.
argyleShapedSessionCases({
  descriptor: argyleDescriptor,
  create: createArgyle,
  sessions: argyleSessions,
  webhooks: argyleWebhooks,
  bankingLink: false,
  missingLink: /with no `link`/,
});

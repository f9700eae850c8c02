// The one call every contender makes: ComplyCube's create-flow-session with the spec's own example
// request and response. Kept as constants (not read from the YAML at run time) so the one-call
// programs that are bundled for the size table carry exactly the same bytes; bench-fixture.test.ts
// fails when specs/complycube.yaml's examples drift from these. No Node imports: the browser
// bundles import this module.
import type { CreateFlowSessionRequest } from "@verifetch/complycube";

/** A sandbox-shaped ComplyCube key (`test_` prefix); the local server accepts only this one. */
export const BENCH_API_KEY = "test_bench0000000000000000000000";

/** The path of the benchmarked operation. */
export const FLOW_SESSIONS_PATH = "/v1/flow/sessions";

/** specs/complycube.yaml, `createFlowSession` request example `checkDriven`. */
export const FLOW_SESSION_REQUEST = {
  clientId: "5eb04fcd0f3e360008035eb1",
  checkTypes: ["extensive_screening_check", "identity_check", "document_check"],
  successUrl: "https://www.yoursite.com/success",
  cancelUrl: "https://www.yoursite.com/cancel",
  documentTypes: { passport: true, driving_license: false, residence_permit: true, national_identity_card: true },
  messages: {
    intro: { heading: "Customized header", message: "Customized message body" },
    completion: { heading: "Customized header", message: "Customized message body" },
  },
} satisfies CreateFlowSessionRequest;

/** specs/complycube.yaml, `createFlowSession` 200 response example `created`. */
export const FLOW_SESSION_RESPONSE = {
  redirectUrl:
    "https://flow.complycube.com/test_ODdkNjhiOTU0MzY4YmE5NjRmMDMyY2E5MWYwZjgxNjMzZTcyMWJmNzU2YjZmNDQ4NmFjMTU0ZGZhYTU5MmNhY2NiNjI3ZDE4YWJkYmU2M2M3ZWYzZTlmM2M3MzgxMmM3NzZhMjVlYmQyNDI0ODdkOWQ3M2JiMjkxZTYxNzdhYmExMGEzOGRhYmM2OTIwMjgyYmEzZGY3ZDY0NWZhMjcwN2RlMTFkOTcxZWNhOWI2Zjg0NjllZGNkODVjYzMzMDA5YjdlMWY5OGIwMmZjY2UzNGI2YTMxOGQxNGZmNGFhYjczNzU0YmYwMjFkMzU1M2FjMjQ4ZDQ2ZjJjZTY4YWY0MzIxNjVlMDRjOTIyYTExMTlmMWU3YTYwMDY1NGJmYWM0NTA2MDE5NTg5NTkxYzA4MzYyYTUyM2I0NDM4OGExNWIyMTIzYTBhNDc0NDA4NWM2ZTQwMmNjMGVjMTk2YW?theme=light",
} as const;

/** Deep structural equality of JSON values, ignoring key order (the clients order keys differently). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => jsonEqual(item, b[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return (
    keys.length === Object.keys(right).length &&
    keys.every((key) => Object.hasOwn(right, key) && jsonEqual(left[key], right[key]))
  );
}

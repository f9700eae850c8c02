// What Prism says about a request that breaks the spec, read back into one shape. Prism reports it
// in two places: the `sl-violations` response header (when the spec declares a 400/422 it can answer
// with, whose example body then says nothing about the request), or the `validation` list of its own
// problem+json 422 (when the spec declares neither).

/** One way a request (or the mock's answer to it) breaks the spec. */
export interface MockViolation {
  /** The request's method, e.g. `"POST"`. */
  method: string;
  /** The request's path and query, e.g. `"/api/v1/sessions"`. */
  path: string;
  /** Whether the request broke the spec, or the response the spec's example makes. */
  part: "request" | "response";
  /**
   * Where, dotted: `"body.country"`, `"query.limit"`, `"path.id"`, `"header.x-api-key"`, `"body"`
   * for the body as a whole; `""` for the request as a whole (credentials, content type).
   */
  location: string;
  /**
   * The rule broken: a JSON Schema keyword (`"required"`, `"maxLength"`, `"additionalProperties"`,
   * `"oneOf"`, `"format"`, …), or an HTTP status for credentials (`"401"`) and content type (`"415"`).
   */
  rule: string;
  /** Prism's description, e.g. `"Request body property country must NOT have more than 2 characters"`. */
  message: string;
  severity: "error" | "warning" | "info" | "hint";
}

/** The request a violation is about. */
export interface ViolatingRequest {
  method: string;
  path: string;
}

interface PrismValidation {
  location?: unknown;
  severity?: unknown;
  code?: unknown;
  message?: unknown;
}

const SEVERITIES = new Set(["error", "warning", "info", "hint"]);

function toViolation(
  raw: PrismValidation,
  request: ViolatingRequest,
  defaultPart: MockViolation["part"],
): MockViolation {
  const location = Array.isArray(raw.location) ? raw.location.map(String) : [];
  const [first, ...rest] = location;
  const prefixed = first === "request" || first === "response";
  const severity = String(raw.severity ?? "error").toLowerCase();
  return {
    ...request,
    part: prefixed ? (first as MockViolation["part"]) : defaultPart,
    location: (prefixed ? rest : location).join("."),
    rule: String(raw.code ?? "unknown"),
    message: String(raw.message ?? ""),
    severity: SEVERITIES.has(severity) ? (severity as MockViolation["severity"]) : "error",
  };
}

/** The violations in an `sl-violations` header (a JSON list; Prism cuts an over-long one, then one entry says so). */
export function violationsFromHeader(value: string | undefined, request: ViolatingRequest): MockViolation[] {
  if (!value) return [];
  try {
    const parsed = JSON.parse(value) as unknown;
    if (Array.isArray(parsed)) return parsed.map((raw: PrismValidation) => toViolation(raw, request, "request"));
  } catch {
    // "Too many violations! …": the list was cut to fit a header.
  }
  return [
    {
      ...request,
      part: "request",
      location: "",
      rule: "unknown",
      message: "more violations than Prism could list in its sl-violations header",
      severity: "error",
    },
  ];
}

/** The violations in Prism's own problem+json 422 (`{ type: "…#UNPROCESSABLE_ENTITY", validation: […] }`). */
export function violationsFromProblem(body: unknown, request: ViolatingRequest): MockViolation[] {
  const problem = body as { type?: unknown; validation?: unknown } | null;
  if (typeof problem !== "object" || problem === null || !Array.isArray(problem.validation)) return [];
  if (typeof problem.type !== "string" || !problem.type.endsWith("#UNPROCESSABLE_ENTITY")) return [];
  return problem.validation.map((raw: PrismValidation) => toViolation(raw, request, "request"));
}

/**
 * Whether the mock refuses the request because of this violation: an error in the request itself.
 * Missing credentials (401) are left to the spec's own 401 answer, as the provider would give it.
 */
export function isRefusal(violation: MockViolation): boolean {
  return violation.part === "request" && violation.severity === "error" && violation.rule !== "401";
}

// Prism repeats the location in words ("Request body property country must …"); the dotted
// location says it already.
const LOCATION_WORDS =
  /^Request (?:body property \S+|body|(?:query|path|header|cookie) parameter \S+|(?:query|path|header|cookie)) /;

/** One violation in a line: `body.country must NOT have more than 2 characters (maxLength)`. */
export function describeViolation(violation: MockViolation): string {
  const message = violation.message.replace(LOCATION_WORDS, "") || violation.message;
  return `${violation.location || "request"} ${message} (${violation.rule})`;
}

/**
 * The body the mock answers a refused request with, instead of the spec's unrelated example: a
 * problem+json whose `detail` (which verifetch's clients put in the thrown error's message) names
 * each violation, and `violations` lists them.
 */
export function refusalBody(status: number, refusals: readonly MockViolation[]) {
  return {
    title: "The request breaks the spec (verifetch mock)",
    status,
    detail: `the request breaks the spec: ${refusals.map(describeViolation).join("; ")}`,
    violations: refusals.map(({ location, rule, message }) => ({ location, rule, message })),
  };
}

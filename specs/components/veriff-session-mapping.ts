// The Veriff-shaped session mapping, shared by every spec built on ./veriff-sessions.yaml (Veriff,
// and EarthID, its white-label): how the unified input becomes the `verification` object, the
// options those providers take, and how a decision or event webhook becomes a WebhookEvent. Codegen
// copies it into each such package's src/generated/ (`x-verifetch-shared-code`), next to the
// types generated from the same component, so both packages share it without depending on each other.
import {
  type CallOptions,
  type CreateSessionInput,
  InputValidationError,
  WebhookVerificationError,
} from "@verifetch/core";
import {
  ALPHANUMERIC_FORMAT,
  type InputSchema,
  ISO_COUNTRY_FORMAT,
  isRecord,
  type SessionAdapterMapping,
  UUID_FORMAT,
} from "@verifetch/core/provider";
import type { components } from "./openapi.ts";

type Schemas = components["schemas"];

/** Options of a Veriff-shaped session (`providerOptions.veriff` / `.earthid`). All optional. */
export interface VeriffSessionOptions {
  /**
   * The identity document the end user is expected to use. `country` is its issuing country and
   * wins over the unified `country`; `number` is letters and digits only.
   */
  document?: { type?: string | undefined; number?: string | undefined; country?: string | undefined } | undefined;
  /** Your UUID for the end user (returned in decisions). */
  endUserId?: string | undefined;
  /** Consents the end user has given, e.g. `[{ type: "ine", approved: true }]`. */
  consents?: { type: string; approved: boolean }[] | undefined;
  /** The end user's address as one string. */
  address?: { fullAddress: string } | undefined;
}

const text = { type: "string", minLength: 1 } as const;
/** The options' schema, checked with field paths before any request. */
export const VERIFF_SESSION_OPTIONS: InputSchema = {
  properties: {
    document: {
      properties: {
        type: text,
        number: { type: "string", format: ALPHANUMERIC_FORMAT },
        country: { type: "string", format: ISO_COUNTRY_FORMAT },
      },
    },
    endUserId: { type: "string", format: UUID_FORMAT },
    consents: {
      type: "array",
      items: { properties: { type: text, approved: { type: "boolean" } }, required: ["type", "approved"] },
    },
    address: { properties: { fullAddress: text }, required: ["fullAddress"] },
  },
};

/** The shared fields a Veriff-shaped session carries (no cancel URL, language, metadata or idempotency key). */
export const VERIFF_SESSION_INPUT = {
  reference: true,
  redirectUrl: true,
  country: true,
  person: ["firstName", "lastName", "email", "phone", "dateOfBirth"],
} as const;

/** Veriff rejects a longer `vendorData` (error 1500). */
export const VENDOR_DATA_MAX_LENGTH = 1000;

/** The unified input as the `verification` object; the reference is the non-semantic `vendorData`. */
export function veriffVerification(
  input: CreateSessionInput<object>,
  options: VeriffSessionOptions | undefined,
): Schemas["VerificationRequest"] {
  const person = input.person ?? {};
  const personFields = {
    ...(person.firstName !== undefined && { firstName: person.firstName }),
    ...(person.lastName !== undefined && { lastName: person.lastName }),
    ...(person.email !== undefined && { email: person.email }),
    ...(person.phone !== undefined && { phoneNumber: person.phone }),
    ...(person.dateOfBirth !== undefined && { dateOfBirth: person.dateOfBirth }),
  };
  // The unified country is the document's issuing country; an explicit document country wins.
  const document = { ...(input.country !== undefined && { country: input.country }), ...options?.document };
  return {
    vendorData: input.reference,
    ...(input.redirectUrl !== undefined && { callback: input.redirectUrl }),
    ...(Object.keys(personFields).length > 0 && { person: personFields }),
    ...(Object.keys(document).length > 0 && { document }),
    ...(options?.address !== undefined && { address: options.address }),
    ...(options?.endUserId !== undefined && { endUserId: options.endUserId }),
    ...(options?.consents !== undefined && { consents: options.consents }),
  } as Schemas["VerificationRequest"];
}

/** A decision webhook: `{ status, verification: Decision, technicalData }`. */
export interface VeriffDecisionWebhookPayload {
  status: string;
  verification: Schemas["Decision"];
  technicalData?: Schemas["TechnicalData"];
  [key: string]: unknown;
}

/** An event webhook (Veriff): `{ id, feature, code, action, vendorData, … }`. */
export interface VeriffEventWebhookPayload {
  id: string;
  attemptId?: string;
  feature?: string;
  code?: number;
  action?: string;
  vendorData?: string | null;
  endUserId?: string | null;
  [key: string]: unknown;
}

/** What a Veriff-shaped webhook carries: a decision, an event, or another authentic JSON object. */
export type VeriffWebhookPayload = VeriffDecisionWebhookPayload | VeriffEventWebhookPayload | Record<string, unknown>;

/** The normalized event of a verified delivery: a decision, an event (`action` or `feature`), or `unknown`. */
export function veriffWebhookEvent(provider: string, payload: unknown) {
  if (!isRecord(payload)) throw new WebhookVerificationError(provider, "the body is not a JSON object");
  const text = (value: unknown): string | null => (typeof value === "string" ? value : null);
  const decision = isRecord(payload.verification) ? payload.verification : undefined;
  const event = text(payload.action) ?? text(payload.feature);
  return {
    type: event ?? (decision ? "decision" : "unknown"),
    sessionId: text(event ? payload.id : decision?.id),
    reference: text(event ? payload.vendorData : decision?.vendorData),
    status: event ? null : text(decision?.status),
    raw: payload as VeriffWebhookPayload,
  };
}

/** A Veriff-shaped client: its create call takes `{ verification }` and answers `{ verification: { id, url } }`. */
export interface VeriffShapedClient {
  createSession(body: Schemas["CreateSessionRequest"], options?: CallOptions): Promise<Schemas["SessionResponse"]>;
}

/**
 * The facade mapping of a Veriff-shaped provider (`defineSessionAdapter(descriptor, veriffSessionMapping(…))`):
 * the shared fields it carries, its options, the `{ verification }` body and the session from the
 * answer. The webhook event is `veriffWebhookEvent`; what differs between Veriff and EarthID — the
 * webhook scheme — is in each package's descriptor.
 */
export function veriffSessionMapping<TProvider extends string, TClient extends VeriffShapedClient>(
  _provider: TProvider,
  title: string,
): SessionAdapterMapping<TClient, TProvider, VeriffSessionOptions, Schemas["SessionResponse"], never> {
  return {
    // The create call has no current language field (only a deprecated legacy `lang`).
    languages: null,
    input: VERIFF_SESSION_INPUT,
    options: VERIFF_SESSION_OPTIONS,
    check(input) {
      if (input.reference.length > VENDOR_DATA_MAX_LENGTH) {
        throw new InputValidationError(
          "reference",
          `${title}'s vendorData is at most ${VENDOR_DATA_MAX_LENGTH} characters`,
        );
      }
    },
    create: (client, input, options, call) =>
      client.createSession({ verification: veriffVerification(input, options) }, { signal: call.signal }),
    session: (raw) => ({
      // createSession refused an answer without verification.id or verification.url.
      id: raw.verification?.id as string,
      url: raw.verification?.url as string,
      status: raw.verification?.status ?? "created",
      // Neither documents a sandbox host, key prefix or response marker: test and live share both.
      sandbox: null,
    }),
  };
}

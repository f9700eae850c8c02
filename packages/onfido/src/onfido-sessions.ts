// Onfido's truth for the `verifetch` facade. A session is an applicant, then a Studio workflow run with
// a link: two creates without idempotency key, never repeated once they may have arrived. This adapter
// sends one applicant create at most, and names the applicant when the run create fails after it.
import { InputValidationError, WebhookVerificationError } from "@verifetch/core";
import {
  defineSessionAdapter,
  defineWebhookAdapter,
  HTTPS_URL_FORMAT,
  type InputSchema,
  isRecord,
  UUID_FORMAT,
} from "@verifetch/core/provider";
import {
  type ApplicantBuilder,
  type Onfido,
  onfidoAdapterDescriptor,
  onfidoOutcomes,
  type WebhookEvent,
  type WorkflowRun,
  type WorkflowRunBuilder,
  workflowRunLinkLanguageValues,
} from "./generated/index.ts";

/** Onfido-only options of the unified `createSession` (`providerOptions.onfido`). */
export interface OnfidoSessionOptions {
  /** The Studio workflow to run (a UUID). */
  workflowId: string;
  /** An applicant to reuse instead of creating one from `person` (`onfidoApplicantIdOf(error)` of a failed call). */
  applicantId?: string | undefined;
  /** The link's `expired_redirect_url` (instead of Onfido's expiry message). */
  expiredRedirectUrl?: string | undefined;
  /** The link's `expires_at` (ISO 8601); Onfido's default lifetime is not documented. */
  expiresAt?: string | undefined;
  /** The run's `tags` and `custom_data` (input data the workflow reads). */
  tags?: string[] | undefined;
  customData?: Record<string, unknown> | undefined;
}

/** An Onfido webhook delivery: `{ payload: { resource_type, action, object: { id, status, … } } }`. */
export type OnfidoWebhookPayload = WebhookEvent;

/** The applicant a failed `createSession` created or reused (retry with it as `providerOptions.onfido.applicantId`). */
export function onfidoApplicantIdOf(error: unknown): string | undefined {
  if (!isRecord(error)) return undefined;
  if (typeof error.onfidoApplicantId === "string") return error.onfidoApplicantId;
  const attempts: unknown[] = Array.isArray(error.attempts) ? error.attempts : [];
  return attempts.map((attempt) => onfidoApplicantIdOf(isRecord(attempt) ? attempt.error : undefined)).find(Boolean);
}

const uuid = { type: "string", format: UUID_FORMAT } as const;
const OPTIONS: InputSchema = {
  properties: {
    workflowId: uuid,
    applicantId: uuid,
    expiredRedirectUrl: { type: "string", format: HTTPS_URL_FORMAT },
    expiresAt: { type: "string", minLength: 1 },
    tags: { type: "array", items: { type: "string", minLength: 1 } },
    customData: { type: "object", additionalProperties: {} },
  },
  required: ["workflowId"],
};
const PERSON = ["firstName", "lastName", "email", "phone", "dateOfBirth"] as const;

/**
 * The facade adapter of an Onfido client (`providers: { onfido: onfidoSessions(client) }`): the session's `id`
 * is the workflow run's (webhooks' `payload.object.id`); `reference` becomes the run's `customer_user_id`.
 */
// Pure: a bundle that never calls the adapter drops it and the validation it carries.
export const onfidoSessions = /* @__PURE__ */ defineSessionAdapter(onfidoAdapterDescriptor, {
  // The link's locales (`en_US`, …) by language; a test holds this list to the spec's values.
  languages: ["en", "de", "es", "fr", "it", "pt", "nl"],
  input: { reference: true, redirectUrl: true, person: PERSON },
  options: OPTIONS,
  check({ person = {}, providerOptions }, unsent) {
    if ((providerOptions?.onfido as OnfidoSessionOptions | undefined)?.applicantId === undefined) {
      const missing = PERSON.slice(0, 2).find((key) => !person[key]);
      if (missing) throw new InputValidationError(`person.${missing}`, "is required to create an Onfido applicant");
      return;
    }
    // A reused applicant keeps its own details: the person given here is not sent.
    for (const key of PERSON) {
      if (person[key] !== undefined) unsent.push({ field: `person.${key}`, reason: "Onfido reuses the applicant" });
    }
  },
  create: async (onfido: Onfido, input, options: OnfidoSessionOptions | undefined, call) => {
    const o = options as OnfidoSessionOptions;
    const person = input.person ?? {};
    const applicant: ApplicantBuilder = {
      first_name: person.firstName as string,
      last_name: person.lastName as string,
      ...(person.email && { email: person.email }),
      ...(person.dateOfBirth && { dob: person.dateOfBirth }),
      ...(person.phone && { phone_number: person.phone }),
    };
    // Sent once, never repeated once it may have arrived (no idempotency key): at most one applicant.
    const applicantId = o.applicantId ?? (await onfido.createApplicant(applicant, { signal: call.signal })).id;
    const language = workflowRunLinkLanguageValues.find((locale) => locale.startsWith(`${input.language}_`));
    const body = {
      workflow_id: o.workflowId,
      applicant_id: applicantId,
      customer_user_id: input.reference,
      tags: o.tags,
      custom_data: o.customData,
      link: {
        completed_redirect_url: input.redirectUrl,
        expired_redirect_url: o.expiredRedirectUrl,
        expires_at: o.expiresAt,
        language,
      },
    } as WorkflowRunBuilder;
    try {
      return await onfido.createWorkflowRun(body, { signal: call.signal });
    } catch (error) {
      // The applicant exists whatever happened to the run: the error names it, for the retry.
      if (error instanceof Error) {
        Object.assign(error, { onfidoApplicantId: applicantId });
        error.message += ` (Onfido applicant ${applicantId} exists: retry with providerOptions.onfido.applicantId)`;
      }
      throw error;
    }
  },
  session: (run: WorkflowRun, onfido) => ({
    id: run.id,
    url: run.link?.url as string,
    status: run.status ?? "unknown",
    expiresAt: run.link?.expires_at ?? null,
    sandbox: onfido.environment === "sandbox",
  }),
});

/** The adapter `onfidoSessions(client)` returns. */
export type OnfidoSessions = ReturnType<typeof onfidoSessions>;

/** The webhook adapter of an Onfido client (`webhooks: { onfido: onfidoWebhooks(onfido) }`). */
export const onfidoWebhooks = /* @__PURE__ */ defineWebhookAdapter(onfidoAdapterDescriptor, onfidoOutcomes, (body) => {
  const payload = isRecord(body) && isRecord(body.payload) ? body.payload : undefined;
  if (typeof payload?.action !== "string") throw new WebhookVerificationError("onfido", "no `payload.action`");
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  const [object = {}, resource = {}] = [payload.object, payload.resource].map((part) => (isRecord(part) ? part : {}));
  return {
    type: payload.action,
    // A run's own events name it in `object`; its tasks' events in `resource.workflow_run_id`.
    sessionId: payload.resource_type === "workflow_run" ? text(object.id) : text(resource.workflow_run_id),
    reference: text(resource.customer_user_id),
    status: text(object.status),
    raw: body as OnfidoWebhookPayload,
  };
});

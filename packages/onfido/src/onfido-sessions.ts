// Onfido's truth for the `verifetch` facade. A hosted session is a Studio workflow run with a link,
// made by two creates — the applicant, then the run — and Onfido documents no idempotency key for
// either, so the transport never repeats one that may have arrived. Left to this adapter: never send
// a second applicant create for one session, and when the run create fails after the applicant
// exists, say which applicant it was so a retry reuses it (`onfidoApplicantIdOf`).
import { InputValidationError, WebhookVerificationError } from "@verifetch/core";
import {
  defineSessionAdapter,
  HTTPS_URL_FORMAT,
  type InputSchema,
  isRecord,
  UUID_FORMAT,
} from "@verifetch/core/provider";
import {
  type ApplicantBuilder,
  type Onfido,
  onfidoAdapterDescriptor,
  type WebhookEvent,
  type WorkflowRun,
  type WorkflowRunBuilder,
  type WorkflowRunLink,
  workflowRunLinkLanguageValues,
} from "./generated/index.ts";

/**
 * Onfido-only options of the unified `createSession` (`providerOptions.onfido`): the run request's
 * own fields — `workflow_id`, `tags`, `custom_data`, `link.expired_redirect_url`, `link.expires_at` —
 * and `applicant_id`, an existing applicant to run it for instead of creating one from `person` (e.g.
 * `onfidoApplicantIdOf(error)` of a failed call, so a retry never creates a second applicant).
 */
export type OnfidoSessionOptions = Omit<WorkflowRunBuilder, "applicant_id" | "customer_user_id" | "link"> & {
  applicant_id?: string | undefined;
  link?: Pick<WorkflowRunLink, "expired_redirect_url" | "expires_at"> | undefined;
};

/** An Onfido webhook delivery: `{ payload: { resource_type, action, object: { id, status, … } } }`. */
export type OnfidoWebhookPayload = WebhookEvent;

/**
 * The applicant an Onfido `createSession` created (or reused) before its workflow-run create failed:
 * the `onfidoApplicantId` of the error it threw (also found through the facade's
 * AllProvidersFailedError); undefined when no applicant exists yet. Retry with
 * `providerOptions.onfido.applicant_id` set to it, and no second applicant is created.
 */
export function onfidoApplicantIdOf(error: unknown): string | undefined {
  if (!isRecord(error)) return undefined;
  if (typeof error.onfidoApplicantId === "string") return error.onfidoApplicantId;
  const attempts: unknown[] = Array.isArray(error.attempts) ? error.attempts : [];
  return attempts.map((attempt) => onfidoApplicantIdOf(isRecord(attempt) ? attempt.error : undefined)).find(Boolean);
}

const uuid = { type: "string", format: UUID_FORMAT } as const;
const OPTIONS: InputSchema = {
  properties: {
    workflow_id: uuid,
    applicant_id: uuid,
    tags: { type: "array", items: { type: "string", minLength: 1 } },
    custom_data: { type: "object", additionalProperties: {} },
    link: {
      properties: {
        expired_redirect_url: { type: "string", format: HTTPS_URL_FORMAT },
        expires_at: { type: "string" },
      },
    },
  },
  required: ["workflow_id"],
};
const PERSON = ["firstName", "lastName", "email", "phone", "dateOfBirth"] as const;

/**
 * The facade adapter of an Onfido client: `createVerifetch({ providers: { onfido: onfidoSessions(client) } })`.
 * The HostedSession's `id` is the workflow run's id (webhooks' `payload.object.id`); `reference`
 * becomes the run's `customer_user_id`.
 */
// Pure: a bundle that never calls the adapter drops it and the validation it carries.
export const onfidoSessions = /* @__PURE__ */ defineSessionAdapter(onfidoAdapterDescriptor, {
  // The link's locales (`en_US`, …) by language; a test holds this list to the spec's values.
  languages: ["en", "de", "es", "fr", "it", "pt", "nl"],
  input: { reference: true, redirectUrl: true, person: PERSON },
  options: OPTIONS,
  check({ person = {}, providerOptions }, unsent) {
    if ((providerOptions?.onfido as OnfidoSessionOptions | undefined)?.applicant_id === undefined) {
      const missing = PERSON.slice(0, 2).find((key) => !person[key]);
      if (missing) throw new InputValidationError(`person.${missing}`, "is required to create an Onfido applicant");
      return;
    }
    // A reused applicant keeps its own details: the person given here is not sent.
    for (const key of PERSON) {
      if (person[key] !== undefined)
        unsent.push({ field: `person.${key}`, reason: "Onfido reuses the given applicant" });
    }
  },
  create: async (onfido: Onfido, input, options: OnfidoSessionOptions | undefined, call) => {
    const { applicant_id, link, ...run } = options as OnfidoSessionOptions;
    const person = input.person ?? {};
    const applicant: ApplicantBuilder = {
      first_name: person.firstName as string,
      last_name: person.lastName as string,
      ...(person.email && { email: person.email }),
      ...(person.dateOfBirth && { dob: person.dateOfBirth }),
      ...(person.phone && { phone_number: person.phone }),
    };
    // Sent once, never repeated once it may have arrived (no idempotency key): at most one applicant.
    const applicantId = applicant_id ?? (await onfido.createApplicant(applicant, { signal: call.signal })).id;
    const language = workflowRunLinkLanguageValues.find((locale) => locale.startsWith(`${input.language}_`));
    const body = {
      ...run,
      applicant_id: applicantId,
      customer_user_id: input.reference,
      link: { ...link, completed_redirect_url: input.redirectUrl, language },
    } as WorkflowRunBuilder;
    try {
      return await onfido.createWorkflowRun(body, { signal: call.signal });
    } catch (error) {
      // The applicant exists whatever happened to the run: the error names it, for the retry.
      if (error instanceof Error) {
        Object.assign(error, { onfidoApplicantId: applicantId });
        error.message += ` (Onfido applicant ${applicantId} exists: retry with providerOptions.onfido.applicant_id)`;
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
  event: (body: unknown) => {
    const payload = isRecord(body) && isRecord(body.payload) ? body.payload : undefined;
    if (typeof payload?.action !== "string")
      throw new WebhookVerificationError("onfido", "the body has no `payload.action`");
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
  },
});

/** The adapter `onfidoSessions(client)` returns. */
export type OnfidoSessions = ReturnType<typeof onfidoSessions>;

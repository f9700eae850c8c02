// The result half of every provider's facade adapter: reading a session and its outcome back with
// the operation its spec names (`x-verifetch-outcomes.read`), and waiting for a terminal outcome.
// Apart from the session and webhook halves, so neither a create-session route nor a webhook route
// bundles the polling code.
import { AbortError, ApiError, VerifetchError } from "./error-classes.ts";
import { OutcomeTimeoutError, OutcomeUnavailableError } from "./result-errors.ts";
import { requestedWaitMs } from "./retry-policy.ts";
import type { AdapterDescriptor } from "./session-adapter-define.ts";
import {
  isTerminalOutcome,
  type OutcomeMapping,
  type OutcomeReason,
  outcomeOf,
  reasonsAt,
  valueAt,
} from "./session-outcome.ts";
import {
  type ResultProvider,
  SESSION_PROVIDER_SPECIFICATION_VERSION,
  type SessionOutcome,
  type WaitForOutcomeOptions,
} from "./session-provider.ts";
import { transportOf } from "./transport-create.ts";

/** Reads session `id` with the provider's documented operation (the generated client's method). */
export type ResultRead<TClient, TRaw> = (
  client: TClient,
  id: string,
  options: { signal?: AbortSignal | undefined },
) => Promise<TRaw>;

/** A provider's own way to find the status and reasons in its answer, where pointers cannot (ComplyCube's checks). */
export type ResultStatusOf<TRaw> = (raw: TRaw) => { status: string | null; reasons: OutcomeReason[] };

const DEFAULT_WAIT_MS = 10 * 60 * 1000;

/** Outcomes from least to most favourable: of several checks, the first found in this order decides. */
const LEAST_FAVOURABLE_FIRST = [
  "declined",
  "review",
  "resubmission_requested",
  "unknown",
  "pending",
  "abandoned",
  "expired",
  "completed",
  "approved",
] as const;

/**
 * Builds a provider's result adapter factory (`verifaResults(client)`) from its descriptor, its
 * outcome mapping and the call that reads a session (null when the provider documents none: every
 * read then throws OutcomeUnavailableError). The status and reasons are found with the mapping's
 * `read` pointers, or with `statusOf` where the provider needs its own rule.
 */
export function defineResultAdapter<TClient extends object, TProvider extends string, TRaw>(
  descriptor: AdapterDescriptor<TProvider>,
  outcomes: OutcomeMapping,
  read: ResultRead<TClient, TRaw> | null,
  statusOf?: ResultStatusOf<TRaw>,
): (client: TClient) => ResultProvider<TProvider, TRaw> {
  const { provider, title } = descriptor;
  const facts = outcomes.read;
  const pointed = (body: unknown): string | null => {
    for (const pointer of [facts?.status ?? []].flat()) {
      const value = valueAt(body, pointer);
      if (typeof value === "string") return value;
    }
    return null;
  };
  // One answer's status and reasons; for a list (a client's checks), the least favourable item's
  // status, and each item that is not approved as a reason.
  const statusIn = (raw: unknown): { status: string | null; reasons: OutcomeReason[] } => {
    if (!facts?.items) return { status: pointed(raw), reasons: reasonsAt(raw, facts?.reasons) };
    const items = valueAt(raw, facts.items);
    let status: string | null = null;
    let least: number = LEAST_FAVOURABLE_FIRST.length;
    const reasons: OutcomeReason[] = [];
    for (const item of Array.isArray(items) ? items : []) {
      const own = pointed(item);
      const outcome = outcomeOf(outcomes, own);
      const rank = LEAST_FAVOURABLE_FIRST.indexOf(outcome);
      if (rank < least) [status, least] = [own, rank];
      if (outcome !== "approved") reasons.push({ code: own, text: reasonsAt(item, facts.reasons)[0]?.text ?? null });
    }
    return { status, reasons };
  };
  return (client) => {
    const { clock } = transportOf(client);
    const getSession = async (id: string, options: { signal?: AbortSignal | undefined } = {}): Promise<TRaw> => {
      if (!read) throw new OutcomeUnavailableError(provider, `learn it from ${title}'s webhooks`);
      return read(client, id, options);
    };
    const getOutcome = async (
      id: string,
      options?: { signal?: AbortSignal | undefined },
    ): Promise<SessionOutcome<TProvider, TRaw>> => {
      const raw = await getSession(id, options);
      const { status, reasons } = statusOf ? statusOf(raw) : statusIn(raw);
      const outcome = status === null && facts?.missing ? facts.missing : outcomeOf(outcomes, status);
      return { provider, sessionId: id, outcome, terminal: isTerminalOutcome(outcome), status, reasons, raw };
    };
    return {
      specificationVersion: SESSION_PROVIDER_SPECIFICATION_VERSION,
      provider,
      readOperation: read ? (facts?.operation ?? null) : null,
      getSession,
      getOutcome,
      async waitForOutcome(id, options: WaitForOutcomeOptions = {}) {
        const signal = options.signal ?? new AbortController().signal;
        const deadline = options.deadline === undefined ? clock.now() + DEFAULT_WAIT_MS : Number(options.deadline);
        let interval = options.intervalMs ?? 2000;
        let last: SessionOutcome<TProvider, TRaw> | undefined;
        for (;;) {
          let asked = 0;
          try {
            last = await getOutcome(id, { signal });
            if (last.terminal) return last;
            options.onPoll?.(last);
          } catch (error) {
            // The transport already retried what it could; a transient failure is read again later,
            // after the wait the provider asked for (a 429's Retry-After or rate-limit reset).
            if (!VerifetchError.isInstance(error) || !error.isRetryable || signal.aborted) throw error;
            if (ApiError.isInstance(error)) asked = requestedWaitMs(error.status, error.headers, clock.now()) ?? 0;
          }
          // The last wait is cut short to read once more at the deadline, unless the provider asked
          // for a longer one.
          const left = deadline - clock.now();
          if (left <= 0 || asked > left) throw new OutcomeTimeoutError(provider, id, last);
          await clock
            .sleep(Math.min(Math.max(interval, asked), left), signal)
            .catch((cause: unknown) =>
              Promise.reject(
                new AbortError(`${provider}: waiting for session ${id} aborted by the caller`, { provider, cause }),
              ),
            );
          interval = Math.min(interval * 1.5, options.maxIntervalMs ?? 30_000);
        }
      },
    };
  };
}

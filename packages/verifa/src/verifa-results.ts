// How Verifa's outcome is read back: the session's result, whose `status` is the decision; until
// processing has finished the result answers 404 ("no result yet"), and the session's own status
// (pending, capturing, expired, …) is the outcome instead.
import { NotFoundError } from "@verifetch/core";
import { defineResultAdapter } from "@verifetch/core/provider";
import {
  type Session,
  type SessionResult,
  type Verifa,
  verifaAdapterDescriptor,
  verifaOutcomes,
} from "./generated/index.ts";

/** What `verifaResults(client).getSession(id)` answers: the result once there is one, else the session. */
export interface VerifaSessionRead {
  /** The session; null when its result was found (read it with `verifa.getSession(id)`). */
  session: Session | null;
  /** The verification result; null while processing has not finished. */
  result: SessionResult | null;
}

/** The result adapter of a Verifa client (`results: { verifa: verifaResults(verifa) }`). */
export const verifaResults = /* @__PURE__ */ defineResultAdapter(
  verifaAdapterDescriptor,
  verifaOutcomes,
  async (client: Verifa, id, options): Promise<VerifaSessionRead> => {
    try {
      return { session: null, result: await client.getSessionResult(id, options) };
    } catch (error) {
      if (!NotFoundError.isInstance(error)) throw error;
    }
    // A session that does not exist answers 404 here too.
    return { session: await client.getSession(id, options), result: null };
  },
  ({ session, result }) => ({
    status: result?.status ?? session?.status ?? null,
    reasons: result?.rejection_reason ? [{ code: null, text: result.rejection_reason }] : [],
  }),
);

/** The adapter `verifaResults(client)` returns. */
export type VerifaResults = ReturnType<typeof verifaResults>;

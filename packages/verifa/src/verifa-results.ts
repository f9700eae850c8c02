// How Verifa's outcome is read back: the session's status, then — once the session is `completed`
// or `under_review` — its result, whose `status` is the decision. Until processing has finished the
// result answers 404 ("no result yet"), which is no failure here.
import { NotFoundError } from "@verifetch/core";
import { defineResultAdapter } from "@verifetch/core/provider";
import {
  type Session,
  type SessionResult,
  type Verifa,
  verifaAdapterDescriptor,
  verifaOutcomes,
} from "./generated/index.ts";

/** What `verifaResults(client).getSession(id)` answers: the session, and its result once there is one. */
export interface VerifaSessionRead {
  session: Session;
  /** The verification result; null before the session is `completed` or `under_review`, or while it has none. */
  result: SessionResult | null;
}

/** The result adapter of a Verifa client (`results: { verifa: verifaResults(verifa) }`). */
export const verifaResults = /* @__PURE__ */ defineResultAdapter(
  verifaAdapterDescriptor,
  verifaOutcomes,
  async (client: Verifa, id, options): Promise<VerifaSessionRead> => {
    const session = await client.getSession(id, options);
    if (session.status !== "completed" && session.status !== "under_review") return { session, result: null };
    try {
      return { session, result: await client.getSessionResult(id, options) };
    } catch (error) {
      if (NotFoundError.isInstance(error)) return { session, result: null };
      throw error;
    }
  },
  ({ session, result }) => ({
    status: result?.status ?? session.status ?? null,
    reasons: result?.rejection_reason ? [{ code: null, text: result.rejection_reason }] : [],
  }),
);

/** The adapter `verifaResults(client)` returns. */
export type VerifaResults = ReturnType<typeof verifaResults>;

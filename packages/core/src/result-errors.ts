// Errors of reading a session's outcome back. Apart from error-classes.ts, so a bundle that only
// creates sessions carries none of them.
import { VerifetchError } from "./error-classes.ts";
import type { SessionOutcome } from "./session-provider.ts";

/** The provider documents no way to read a session's outcome back (learn it from its webhooks). Nothing was sent. */
export class OutcomeUnavailableError extends VerifetchError {
  static override readonly errorName: string = "OutcomeUnavailableError";
  declare readonly provider: string;

  constructor(provider: string, detail: string) {
    super(`${provider} documents no way to read a session's outcome back: ${detail}`, { provider });
  }
}

/** `waitForOutcome` reached its deadline before a terminal outcome; `lastOutcome` is the last one read. */
export class OutcomeTimeoutError extends VerifetchError {
  static override readonly errorName: string = "OutcomeTimeoutError";
  declare readonly provider: string;
  declare readonly sessionId: string;
  /** The last outcome read (undefined when no read succeeded). */
  declare readonly lastOutcome: SessionOutcome | undefined;

  constructor(provider: string, sessionId: string, lastOutcome: SessionOutcome | undefined) {
    super(
      `${provider} session ${sessionId}: no terminal outcome by the deadline (last: ${lastOutcome?.outcome ?? "none read"})`,
      { provider, sessionId, lastOutcome },
    );
  }
}

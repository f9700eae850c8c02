import { VerifetchError } from "@verifetch/core";

/** `createSession`/`verifyWebhook` named a provider the facade was not given. */
export class NoSuchProviderError extends VerifetchError {
  static override readonly errorName: string = "NoSuchProviderError";
  readonly provider: string;
  readonly available: readonly string[];

  constructor(provider: string, available: readonly string[]) {
    super(`No provider "${provider}" was configured; configured: ${available.join(", ") || "none"}`);
    this.provider = provider;
    this.available = available;
  }
}

/** One provider's failed attempt during a fallback. */
export interface ProviderAttempt {
  provider: string;
  error: VerifetchError;
}

/** Every provider of a fallback list failed; `attempts` has each provider's error, in order. */
export class AllProvidersFailedError extends VerifetchError {
  static override readonly errorName: string = "AllProvidersFailedError";
  readonly attempts: readonly ProviderAttempt[];

  constructor(attempts: readonly ProviderAttempt[]) {
    super(
      `Every provider failed: ${attempts.map((attempt) => `${attempt.provider} (${attempt.error.message})`).join("; ")}`,
    );
    this.attempts = attempts;
  }

  /** Retryable when the last provider's failure was (every earlier one was, or it would not have moved on). */
  override get isRetryable(): boolean {
    return this.attempts.at(-1)?.error.isRetryable ?? false;
  }
}

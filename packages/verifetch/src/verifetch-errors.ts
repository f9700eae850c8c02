import { VerifetchError } from "@verifetch/core";

// The base constructor copies these onto the error (`declare`d below, so no class field resets them).
type Fields = ConstructorParameters<typeof VerifetchError>[1];

/** `createSession`/`verifyWebhook` named a provider the facade was not given. */
export class NoSuchProviderError extends VerifetchError {
  static override readonly errorName: string = "NoSuchProviderError";
  declare readonly provider: string;
  declare readonly available: readonly string[];

  constructor(provider: string, available: readonly string[]) {
    super(`No provider "${provider}" was configured; configured: ${available.join(", ") || "none"}`, {
      provider,
      available,
    } as Fields);
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
  declare readonly attempts: readonly ProviderAttempt[];

  constructor(attempts: readonly ProviderAttempt[]) {
    super(
      `Every provider failed: ${attempts.map((attempt) => `${attempt.provider} (${attempt.error.message})`).join("; ")}`,
      { attempts } as Fields,
    );
  }

  /** Retryable when the last provider's failure was (every earlier one was, or it would not have moved on). */
  override get isRetryable(): boolean {
    return this.attempts.at(-1)?.error.isRetryable ?? false;
  }
}

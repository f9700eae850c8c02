// How hard a call tries: retries, time limits and the longest wait, per client and per call.
import { InputValidationError } from "./error-classes.ts";

/** How hard a call tries. Every field can be set per client and per call. */
export interface RetrySettings {
  /** Retries after the first attempt (default 2; 0 disables). */
  maxRetries: number;
  /** Time limit of each attempt, response body included, in ms (default 30 000). */
  timeoutMs: number;
  /** Time limit of the whole call including retries and waits, in ms (default: none). */
  deadlineMs: number | undefined;
  /** Longest wait between attempts; a provider asking for more is not waited for (default 60 000). */
  maxRetryWaitMs: number;
}

/** Any of {@link RetrySettings}, each optional (undefined leaves the base value). */
export type RetryOverrides = { [K in keyof RetrySettings]?: RetrySettings[K] | undefined };

/** The defaults of {@link RetrySettings}. */
export const DEFAULT_RETRY_SETTINGS: RetrySettings = {
  maxRetries: 2,
  timeoutMs: 30_000,
  deadlineMs: undefined,
  maxRetryWaitMs: 60_000,
};

/**
 * The longest delay a timer supports (2³¹−1 ms, about 24.8 days): `setTimeout` fires at once for a
 * longer one. Longer durations, `Infinity` included, mean this — in effect, no limit.
 */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * `base` with the defined values of `overrides`, each checked: `maxRetries` is a whole number >= 0,
 * `maxRetryWaitMs` milliseconds >= 0, `timeoutMs` and `deadlineMs` milliseconds > 0. A duration
 * may be `Infinity` for no limit; every value is capped at {@link MAX_TIMER_MS}.
 */
export function resolveRetrySettings(base: RetrySettings, overrides: RetryOverrides = {}): RetrySettings {
  const settings = { ...base };
  for (const option of Object.keys(base) as (keyof RetrySettings)[]) {
    const value = overrides[option];
    if (value === undefined) continue;
    const count = option === "maxRetries";
    // maxRetries and maxRetryWaitMs may be 0.
    const zero = option[0] === "m";
    if (typeof value !== "number" || !(value > 0 || (zero && value === 0)) || (count && !Number.isInteger(value))) {
      throw new InputValidationError(
        option,
        `must be a ${count ? "whole " : ""}number ${zero ? ">=" : ">"} 0 (got ${String(value)})`,
      );
    }
    settings[option] = Math.min(value, MAX_TIMER_MS);
  }
  return settings;
}

import type { FetchLike } from "@verifetch/core";

/** Where a provider's demo calls go: the embedded mock, or the real API when keys are set. */
export interface DemoTarget {
  /** True when the real API is called (its keys are in the environment). */
  live: boolean;
  /** Base URL override: the mock's URL, or undefined for the provider's real host. */
  baseUrl: string | undefined;
  /** The fetch that records what was sent. */
  fetch: FetchLike;
}

import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** Provider name → base URL of its running Prism mock (see global-setup.ts). */
    mockBaseUrls: Record<string, string>;
  }
}

/** Base URL of the Prism mock serving `specs/<provider>.yaml` for this test run. */
export function mockBaseUrl(provider: string): string {
  const url = inject("mockBaseUrls")[provider];
  if (!url) throw new Error(`no Prism mock is running for specs/${provider}.yaml`);
  return url;
}

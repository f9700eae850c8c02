export type { components, operations, paths } from "./generated/openapi.ts";
export {
  createVeriff,
  VERIFF_BASE_URL,
  Veriff,
  type VeriffApiClient,
  type VeriffOptions,
} from "./veriff-client.ts";
export { VERSION } from "./version.ts";

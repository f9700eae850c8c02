export type { components, operations, paths } from "./generated/openapi.ts";
export {
  createVerifa,
  VERIFA_BASE_URL,
  Verifa,
  type VerifaApiClient,
  type VerifaOptions,
} from "./verifa-client.ts";
export { VERSION } from "./version.ts";

export {
  ARGYLE_BASE_URL,
  Argyle,
  type ArgyleApiClient,
  type ArgyleOptions,
  createArgyle,
} from "./argyle-client.ts";
export type { components, operations, paths } from "./generated/openapi.ts";
export { VERSION } from "./version.ts";

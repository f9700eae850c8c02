export {
  ARGYLE_PARTNERS_BASE_URL,
  ArgylePartners,
  type ArgylePartnersApiClient,
  type ArgylePartnersOptions,
  createArgylePartners,
} from "./argyle-partners-client.ts";
export type { components, operations, paths } from "./generated/openapi.ts";
export { VERSION } from "./version.ts";

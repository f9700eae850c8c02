export {
  createEarthid,
  EARTHID_BASE_URL,
  Earthid,
  type EarthidApiClient,
  type EarthidOptions,
} from "./earthid-client.ts";
export type { components, operations, paths } from "./generated/openapi.ts";
export { VERSION } from "./version.ts";

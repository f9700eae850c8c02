// Loaded with `node --import` before a README example: every fetch of the process goes through the
// routes in README_EXAMPLE_ROUTES. The clients read `globalThis.fetch` at request time, so replacing
// it before the example's first import is enough.
import { ROUTES_ENV, readRoutes, routedFetch } from "./readme-fetch-route.ts";

globalThis.fetch = routedFetch(readRoutes(process.env[ROUTES_ENV]), globalThis.fetch);

// The Node-only entry, `@verifetch/core/node`: kept apart from index.ts so that importing the main
// entry (on any runtime) never loads node:http, node:https or node:zlib.
export { createNodeFetch, type NodeFetch, type NodeFetchOptions } from "./node-fetch.ts";

export * from "./generated/index.ts";
export * from "./verifa-results.ts";
export * from "./verifa-sessions.ts";

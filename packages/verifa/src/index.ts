export * from "./generated/index.ts";
export * from "./verifa-sessions.ts";

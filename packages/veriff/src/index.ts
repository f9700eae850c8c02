export * from "./generated/index.ts";
export * from "./veriff-sessions.ts";

export * from "./argyle-sessions.ts";
export * from "./generated/index.ts";

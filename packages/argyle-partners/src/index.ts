export * from "./argyle-partners-sessions.ts";
export * from "./generated/index.ts";

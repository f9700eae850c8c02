export * from "./generated/index.ts";
export * from "./persona-sessions.ts";

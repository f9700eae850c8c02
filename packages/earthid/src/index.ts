export * from "./earthid-sessions.ts";
export * from "./generated/index.ts";

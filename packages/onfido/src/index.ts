export * from "./generated/index.ts";
export * from "./onfido-sessions.ts";

export * from "./generated/index.ts";
export * from "./stripe-identity-sessions.ts";

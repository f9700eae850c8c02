export * from "./complycube-sessions.ts";
export * from "./generated/index.ts";

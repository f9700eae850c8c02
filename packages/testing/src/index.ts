export { findFreePort } from "./mock-port.ts";
export { type MockServer, type StartMockOptions, startMock } from "./mock-server.ts";

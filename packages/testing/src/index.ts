export { findFreePort } from "./mock-port.ts";
export { type MockServer, resolveSpec, type StartMockOptions, startMock } from "./mock-server.ts";

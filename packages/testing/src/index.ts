export { findFreePort } from "./mock-port.ts";
export { type MockServer, type StartMockOptions, startMock } from "./mock-server.ts";
export { PROVIDER_NAMES, type ResolveSpecOptions, resolveSpec } from "./mock-spec-resolve.ts";
export { describeViolation, type MockViolation } from "./mock-violations.ts";

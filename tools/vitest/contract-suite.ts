// Shared contract-test cases: every error status a spec declares, forced on the Prism mock with
// `Prefer: code=…`, must surface as its typed error class carrying the provider's parsed body.
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "@verifetch/core";
import { expect, it } from "vitest";
import { specOperation } from "./spec-operations.ts";

type ErrorClass = abstract new (...args: never) => ApiError;

const CLASS_BY_STATUS: Record<number, ErrorClass> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The error class a status must surface as (written out here, independently of core's mapping). */
export function expectedErrorClass(status: number): ErrorClass {
  return CLASS_BY_STATUS[status] ?? (status >= 500 ? InternalServerError : ApiError);
}

/** Per-call options a contract case passes on: the `Prefer` header that forces a response, and no retries. */
export interface ContractCallOptions {
  headers: Record<string, string>;
  maxRetries: number;
}

/** Calls one operation through the provider client, passing `options` on as its per-call options. */
export type OperationCall = (options: ContractCallOptions) => Promise<unknown>;

/** Per-call options for the plain success case. */
export const SUCCESS: ContractCallOptions = { headers: {}, maxRetries: 0 };

/**
 * Registers one success test per operation and one test per declared error status per operation.
 * `assertBody` checks the parsed provider error body (its documented shape).
 */
export function declaredErrorCases(
  provider: string,
  calls: Record<string, OperationCall>,
  assertBody: (body: unknown, status: number) => void,
): void {
  for (const [operationId, call] of Object.entries(calls)) {
    const { errorStatuses } = specOperation(provider, operationId);
    it(`${operationId}: the documented success resolves`, async () => {
      await call(SUCCESS);
    });
    it.each(errorStatuses)(
      `${operationId}: declared %i surfaces as its typed error with the parsed body`,
      async (status) => {
        // Retries are off: these cases check how each status surfaces, not the retry policy.
        const error = await call({ headers: { Prefer: `code=${status}` }, maxRetries: 0 }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(expectedErrorClass(status));
        expect(error).toMatchObject({ provider, status });
        assertBody((error as ApiError).body, status);
      },
    );
  }
}

/** Every operation of the spec must be covered by `calls` (so a new operation cannot go untested). */
export function coversEveryOperation(provider: string, calls: Record<string, OperationCall>): void {
  it("covers every operation in the spec", async () => {
    const { specOperations } = await import("./spec-operations.ts");
    expect(Object.keys(calls).sort()).toEqual(
      specOperations(provider)
        .map((op) => op.operationId)
        .sort(),
    );
  });
}

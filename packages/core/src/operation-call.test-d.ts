import { describe, expectTypeOf, it } from "vitest";
import type { OperationCaller } from "./operation-call.ts";

interface Paths {
  "/things/{id}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: { path: { id: string }; query?: { limit?: number } };
      responses: { 200: { content: { "application/json": { id: string } } } };
    };
    post?: never;
  };
  "/things": {
    post: {
      requestBody: { content: { "application/json": { name: string } } };
      responses: { 201: { content: { "application/json": { id: string; name: string } } } };
    };
    get?: never;
  };
}

declare const call: OperationCaller<Paths>;

describe("OperationCaller", () => {
  it("types the result of each operation from the spec", () => {
    expectTypeOf(call("get", "/things/{id}", { params: { path: { id: "t" } } })).resolves.toEqualTypeOf<{
      id: string;
    }>();
    expectTypeOf(call("post", "/things", { body: { name: "n" } })).resolves.toEqualTypeOf<{
      id: string;
      name: string;
    }>();
  });

  it("refuses unknown paths, wrong methods, bodies and parameters", () => {
    // @ts-expect-error no such path
    call("get", "/nope", {});
    // @ts-expect-error /things has no GET
    call("get", "/things", {});
    // @ts-expect-error the body needs a name
    call("post", "/things", { body: {} });
    // @ts-expect-error the path parameter is required
    call("get", "/things/{id}", {});
  });
});

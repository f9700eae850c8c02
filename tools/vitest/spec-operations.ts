// Reads a spec's operations and their declared response statuses, so contract tests cover every
// status the spec declares instead of a hand-kept list that drifts.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "yaml";

/** One operation of a spec with the statuses it declares. */
export interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  successStatuses: number[];
  errorStatuses: number[];
}

const METHODS = ["get", "put", "post", "delete", "patch"] as const;

/** Path of `specs/<name>.yaml` from anywhere in the repo. */
export function specPath(name: string): string {
  return resolve(import.meta.dirname, "../../specs", `${name}.yaml`);
}

/** `specs/<name>.yaml`, parsed (no `$ref` resolved). */
export function specDocument(name: string): Record<string, unknown> {
  return parse(readFileSync(specPath(name), "utf8")) as Record<string, unknown>;
}

/** Every operation in `specs/<name>.yaml`. */
export function specOperations(name: string): SpecOperation[] {
  const document = parse(readFileSync(specPath(name), "utf8")) as {
    paths: Record<string, Partial<Record<string, { operationId: string; responses: Record<string, unknown> }>>>;
  };
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method];
      if (!operation) return [];
      const statuses = Object.keys(operation.responses).map(Number);
      return [
        {
          operationId: operation.operationId,
          method: method.toUpperCase(),
          path,
          successStatuses: statuses.filter((s) => s < 400),
          errorStatuses: statuses.filter((s) => s >= 400),
        },
      ];
    }),
  );
}

/** The operation with this id in `specs/<name>.yaml`; throws when the spec has none. */
export function specOperation(name: string, operationId: string): SpecOperation {
  const found = specOperations(name).find((op) => op.operationId === operationId);
  if (!found) throw new Error(`specs/${name}.yaml has no operation ${operationId}`);
  return found;
}

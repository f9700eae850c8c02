// The workspace packages a user imports: one per spec (the providers), the facade and core.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { readManifest } from "./bench-deps.ts";
import { REPO_ROOT } from "./bench-paths.ts";

/** A publishable workspace package. */
export interface WorkspacePackage {
  name: string;
  dir: string;
  kind: "provider" | "facade" | "core";
}

/** Every provider package (a `specs/<name>.yaml` with a `packages/<name>/`), then the facade and core. */
export function userFacingPackages(): WorkspacePackage[] {
  const providers = readdirSync(join(REPO_ROOT, "specs"))
    .filter((file) => file.endsWith(".yaml"))
    .map((file) => join(REPO_ROOT, "packages", file.slice(0, -".yaml".length)))
    .filter((dir) => existsSync(join(dir, "package.json")))
    .sort()
    .map((dir): WorkspacePackage => ({ name: readManifest(dir).name, dir, kind: "provider" }));
  const facadeDir = join(REPO_ROOT, "packages/verifetch");
  const coreDir = join(REPO_ROOT, "packages/core");
  return [
    ...providers,
    { name: readManifest(facadeDir).name, dir: facadeDir, kind: "facade" },
    { name: readManifest(coreDir).name, dir: coreDir, kind: "core" },
  ];
}

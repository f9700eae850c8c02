// The machine and the versions a run measured, for the report's header.
import { readFileSync } from "node:fs";
import { availableParallelism, cpus, release, totalmem, type } from "node:os";
import { findPackageDir, readManifest } from "./bench-deps.ts";

/** Where the run happened. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
}

/** Describes this machine. */
export function machineInfo(): MachineInfo {
  let distribution = "";
  try {
    distribution = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync("/etc/os-release", "utf8"))?.[1] ?? "";
  } catch {
    // Not Linux, or no os-release: the kernel line below still says what it is.
  }
  return {
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    cores: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${distribution ? `${distribution}, ` : ""}${type()} ${release()}`,
    node: process.version,
  };
}

/** `name@version` of each package as resolved from `fromDir` (`name@?` when it is not installed). */
export function packageVersions(names: readonly string[], fromDir: string): string[] {
  return names.map((name) => {
    const dir = findPackageDir(name, fromDir);
    return `${name}@${dir === undefined ? "?" : readManifest(dir).version}`;
  });
}

// Directories the bench works from.
import { resolve } from "node:path";

/** The repository root. */
export const REPO_ROOT = resolve(import.meta.dirname, "../..");
/** The bench package's directory. */
export const BENCH_ROOT = resolve(import.meta.dirname, "..");
/** bench/src, which one-call programs and cold imports resolve packages from. */
export const BENCH_SRC = import.meta.dirname;

// A private copy of the workspace for the release end-to-end test, so versioning, building,
// committing and tagging never touch the real checkout (where other work may be in progress).
import { copyFileSync, existsSync, lstatSync, mkdirSync, readlinkSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { run } from "./run-command.ts";

/**
 * Copies what git would see of `rootDir` (tracked files plus new files that are not ignored, as
 * they are in the work tree, so uncommitted edits are tested too) into `targetDir`, commits it to a
 * new git repository there and installs it from the pnpm store (the store is warm after the
 * workspace's own install, so this needs no network).
 */
export async function copyWorkspace(rootDir: string, targetDir: string): Promise<void> {
  const listed = await run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: rootDir });
  mkdirSync(targetDir, { recursive: true });
  for (const file of new Set(listed.stdout.split("\0").filter(Boolean))) {
    const source = join(rootDir, file);
    if (!existsSync(source)) continue; // deleted in the work tree
    const target = join(targetDir, file);
    mkdirSync(dirname(target), { recursive: true });
    if (lstatSync(source).isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else copyFileSync(source, target);
  }
  const git = (...args: string[]) => run("git", args, { cwd: targetDir });
  await git("init", "--quiet", "--initial-branch=main");
  await git("config", "user.name", "verifetch release test");
  await git("config", "user.email", "release-test@verifetch.invalid");
  await git("config", "commit.gpgsign", "false");
  await git("add", "--all");
  await git("commit", "--quiet", "--message", "Workspace snapshot for the release test");
  await run("pnpm", ["install", "--frozen-lockfile", "--prefer-offline"], {
    cwd: targetDir,
    env: { ...process.env, CI: "true" },
    timeoutMs: 300_000,
  });
}

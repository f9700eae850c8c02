// Fails fast when a script would run on the system Node instead of the Node 24 the workspace
// installs (pnpm puts node_modules/.bin/node first on PATH; a misconfigured pnpm silently does not).
const major = Number(process.versions.node.split(".")[0]);
if (major < 24) {
  console.error(
    `verifetch: scripts must run on Node >= 24 but this is Node ${process.versions.node} (${process.execPath}).\n` +
      "Run them through pnpm after `pnpm install` so the workspace's `node` devDependency is used.",
  );
  process.exit(1);
}

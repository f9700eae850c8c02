// The release, end to end, on this machine (`pnpm test:release`, part of `pnpm test`): a private copy
// of the workspace gets a changeset and goes through `pnpm release`'s own steps (version, build, pack,
// package checks, size budgets, commit, publish, tag) against a throwaway Verdaccio on 127.0.0.1;
// then fresh projects outside the workspace install from that registry what a user would, and call
// a Prism mock started from the spec inside the package they installed.
// The facade and CLI scenarios run when packages/verifetch and packages/cli exist (skipped before).
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "../../../packages/testing/src/index.ts";
import { exportsGeneratedClient } from "../../codegen/src/codegen-workspace.ts";
import { findSpecNames } from "../../codegen/src/spec-facts.ts";
import { checkChangesets } from "./changeset-check.ts";
import {
  bundleForBrowser,
  type ConsumerProject,
  cliProject,
  consumerEnv,
  consumerProvider,
  createConsumer,
  type FacadeProvider,
  facadeProject,
  NODE_24,
  recipeProject,
  SYSTEM_NODE,
  singleProviderBundlerProject,
  singleProviderCommonJsProject,
  singleProviderEsmProject,
  testingProject,
  testingRecipe,
  tsc,
  upstreamRegistry,
} from "./consumer-projects.ts";
import { type ReleaseSummary, release, releaseEnv } from "./release-steps.ts";
import { run } from "./run-command.ts";
import { type LocalRegistry, startLocalRegistry } from "./verdaccio.ts";
import { copyWorkspace } from "./workspace-copy.ts";
import { publishedPackages, REPO_ROOT, readManifest } from "./workspace-packages.ts";

const HAS_FACADE = existsSync(join(REPO_ROOT, "packages/verifetch/package.json"));
const HAS_CLI = existsSync(join(REPO_ROOT, "packages/cli/package.json"));
/** The vitest a user's suite installs: the version this workspace tests with. */
const WORKSPACE_VITEST = readManifest(join(REPO_ROOT, "node_modules", "vitest", "package.json")).version;
if (!HAS_FACADE) console.warn("release e2e: facade scenarios SKIPPED until packages/verifetch exists");
if (!HAS_CLI) console.warn("release e2e: CLI scenarios SKIPPED until packages/cli exists");

/**
 * The provider packages, from the specs (those built on their generated client): the first is the one
 * a user installs alone, the first two are the facade's. Nothing here names a provider.
 */
const PROVIDERS = findSpecNames(REPO_ROOT).filter((name) => exportsGeneratedClient(REPO_ROOT, name));
const SUBJECT = consumerProvider(REPO_ROOT, PROVIDERS[0] ?? "");
const FACADE_PROVIDERS = PROVIDERS.slice(0, 2);
const CHANGESET_MESSAGE = `Release test: a minor ${SUBJECT.name} change and a core fix`;

let tmp: string;
let workspace: string;
let registry: LocalRegistry | undefined;
let summary: ReleaseSummary;
let npmCache: string;
const mocks: MockServer[] = [];
/** Consumer installs, started together once the release is out; each scenario awaits its own. */
let installs: {
  single: Promise<ConsumerProject[]>;
  facade: Promise<ConsumerProject> | undefined;
  cli: Promise<ConsumerProject> | undefined;
  testing: Promise<ConsumerProject> | undefined;
  recipe: Promise<ConsumerProject> | undefined;
};
const timings: Record<string, number> = {};

async function timed<T>(name: string, task: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await task();
  } finally {
    timings[name] = Date.now() - started;
  }
}

const versionOf = (folder: string) => readManifest(join(workspace, "packages", folder, "package.json")).version;

/**
 * The facade's providers, each with the session input its released adapter accepts: made, as the
 * CLI's help makes it, from the spec's create example (the released copy's packages decide).
 */
async function facadeProviders(): Promise<FacadeProvider[]> {
  const registry = join(workspace, "packages/cli/src");
  const { PROVIDERS: entries } = (await import(
    join(registry, "generated/providers.ts")
  )) as typeof import("../../../packages/cli/src/generated/providers.ts");
  const { exampleSessionInput, minimalSessionInput, mockClientOptions } = (await import(
    join(registry, "cli-provider-registry.ts")
  )) as typeof import("../../../packages/cli/src/cli-provider-registry.ts");
  return Promise.all(
    FACADE_PROVIDERS.map(async (name) => {
      const entry = entries.find((candidate) => candidate.name === name);
      if (!entry) throw new Error(`${name} is not in the released registry`);
      const module = await entry.load();
      const adapter = module.createSessions(
        module.createClient(mockClientOptions(module.descriptor, "http://127.0.0.1:9")),
      ) as Parameters<typeof exampleSessionInput>[1];
      const { input } = minimalSessionInput(entry, adapter, exampleSessionInput(entry, adapter));
      return { ...consumerProvider(workspace, name), input: { ...input }, version: versionOf(name) };
    }),
  );
}

/** Starts Prism on the spec a consumer's installed package ships (resolved through its `./openapi.yaml` export). */
async function mockFromInstalled(project: ConsumerProject, packageName: string): Promise<MockServer> {
  const mock = await startMock(project.resolve(`${packageName}/openapi.yaml`));
  mocks.push(mock);
  expect(mock.specPath.startsWith(project.dir)).toBe(true);
  return mock;
}

/** The JSON a program printed: its whole output, or else its last line. */
function printedJson(stdout: string): Record<string, unknown> {
  for (const text of [stdout.trim(), stdout.trim().split("\n").at(-1) ?? ""]) {
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      // try the next reading
    }
  }
  throw new Error(`expected JSON, got:\n${stdout}`);
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "verifetch-release-e2e-"));
  workspace = join(tmp, "workspace");
  npmCache = join(tmp, "npm-cache");
  const upstream = await upstreamRegistry(tmp);
  const [startedRegistry, copied] = await Promise.allSettled([
    timed("start verdaccio", () => startLocalRegistry({ dir: join(tmp, "registry"), upstream })),
    timed("copy workspace + install", () => copyWorkspace(REPO_ROOT, workspace)),
  ]);
  // Keep the registry even when the copy failed, so afterAll stops it.
  if (startedRegistry.status === "fulfilled") registry = startedRegistry.value;
  if (startedRegistry.status === "rejected") throw startedRegistry.reason;
  if (copied.status === "rejected") throw copied.reason;
  const started = startedRegistry.value;
  const authFile = join(tmp, "registry-auth.npmrc");
  started.writeAuthFile(authFile, await started.createToken("release-e2e", randomBytes(18).toString("hex")));

  // What a contributor does: a changeset, committed with the change.
  const changeset = join(workspace, "node_modules", ".bin", "changeset");
  await run(changeset, ["add", "--minor", SUBJECT.packageName, "--patch", "@verifetch/core", "-m", CHANGESET_MESSAGE], {
    cwd: workspace,
  });
  await run("git", ["add", ".changeset"], { cwd: workspace });
  await run("git", ["commit", "--quiet", "-m", "Add a changeset"], { cwd: workspace });

  // What a maintainer does: `pnpm release`, here against the local registry.
  summary = await timed("release (version, build, pack, checks, commit, publish)", () =>
    release({
      rootDir: workspace,
      registry: registry?.url,
      authFile,
      provenance: false,
      packDir: join(tmp, "packed"),
      log: () => {},
    }),
  );

  type Project = { manifest: Record<string, unknown>; files: Record<string, string>; engineStrict?: boolean };
  const consumer = (name: string, project: Project) =>
    createConsumer({ dir: join(tmp, "consumers", name), registry: started.url, npmCache, ...project });
  const subjectVersion = versionOf(SUBJECT.name);
  installs = {
    single: timed("install 3 single-provider consumers", () =>
      Promise.all([
        consumer("esm", singleProviderEsmProject(SUBJECT, subjectVersion)),
        consumer("bundler", singleProviderBundlerProject(SUBJECT, subjectVersion)),
        consumer("commonjs", singleProviderCommonJsProject(SUBJECT, subjectVersion)),
      ]),
    ),
    facade: HAS_FACADE
      ? timed("install the facade consumer", async () =>
          consumer("facade", facadeProject(versionOf("verifetch"), await facadeProviders())),
        )
      : undefined,
    cli: HAS_CLI ? timed("install the CLI consumer", () => consumer("cli", cliProject(versionOf("cli")))) : undefined,
    testing: HAS_CLI
      ? timed("install the testing consumer", () =>
          consumer(
            "testing",
            testingProject({ testing: versionOf("testing"), verifa: versionOf("verifa"), cli: versionOf("cli") }),
          ),
        )
      : undefined,
    recipe: HAS_FACADE
      ? timed("install the vitest recipe consumer", () =>
          consumer(
            "recipe",
            recipeProject(
              {
                verifetch: versionOf("verifetch"),
                testing: versionOf("testing"),
                veriff: versionOf("veriff"),
                vitest: WORKSPACE_VITEST,
              },
              testingRecipe(workspace, "lifecycle.test.ts"),
            ),
          ),
        )
      : undefined,
  };
  // Each scenario awaits (and so reports) its own install; this only keeps an early failure from
  // surfacing as an unhandled rejection before then.
  for (const install of Object.values(installs)) install?.catch(() => {});
}, 600_000);

// Generous: the consumers' node_modules and the npm cache (Prism's tree included) take a while to delete.
afterAll(async () => {
  await timed("stop mocks and registry", async () => {
    await Promise.allSettled(mocks.map((mock) => mock.stop()));
    await registry?.stop();
  });
  await timed("remove the temp folder", async () => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });
  console.log(
    `release e2e timings (s): ${Object.entries(timings)
      .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)}`)
      .join(" · ")}`,
  );
}, 120_000);

describe("pnpm release against a local registry", { timeout: 180_000 }, () => {
  it("versions with changesets: bumps, internal dependency ranges, changelogs", () => {
    expect(summary.versioned).toBe(true);
    expect(versionOf(SUBJECT.name)).toBe("0.2.0");
    expect(versionOf("core")).toMatch(/^\d+\.\d+\.\d+$/);
    const changelog = readFileSync(join(workspace, `packages/${SUBJECT.name}/CHANGELOG.md`), "utf8");
    expect(changelog).toContain("## 0.2.0");
    expect(changelog).toContain(CHANGESET_MESSAGE);
    if (changelog.includes("## 0.1.0"))
      expect(changelog.indexOf("## 0.2.0")).toBeLessThan(changelog.indexOf("## 0.1.0"));
    expect(readFileSync(join(workspace, "packages/core/CHANGELOG.md"), "utf8")).toContain(`## ${versionOf("core")}`);
    expect(existsSync(join(workspace, ".changeset/config.json"))).toBe(true);
  });

  it("publishes every non-private package under packages/, ranges rewritten, checked first", async () => {
    const expected = publishedPackages(workspace).map((pkg) => `${pkg.name}@${pkg.version}`);
    expect(summary.packed.map((item) => `${item.name}@${item.version}`).sort()).toEqual(expected.sort());
    expect(summary.reports.map((report) => report.name).sort()).toEqual(summary.packed.map((item) => item.name).sort());
    expect(summary.reports.every((report) => report.problems.length === 0)).toBe(true);
    for (const pkg of publishedPackages(workspace)) {
      const response = await fetch(`${registry?.url}${pkg.name.replace("/", "%2f")}`);
      expect(response.status, pkg.name).toBe(200);
      const packument = (await response.json()) as {
        "dist-tags": Record<string, string>;
        versions: Record<string, { dependencies?: Record<string, string> }>;
      };
      expect(packument["dist-tags"].latest, pkg.name).toBe(pkg.version);
      for (const range of Object.values(packument.versions[pkg.version]?.dependencies ?? {})) {
        expect(range, pkg.name).not.toMatch(/^(workspace|catalog):/);
      }
    }
    const subject = (await (await fetch(`${registry?.url}${SUBJECT.packageName.replace("/", "%2f")}`)).json()) as {
      versions: Record<string, { dependencies?: Record<string, string> }>;
    };
    expect(subject.versions["0.2.0"]?.dependencies).toEqual({
      "@verifetch/core": `^${versionOf("core")}`,
      "openapi-fetch": "^0.17.0",
    });
  });

  it("tags each release in git, on the version commit", async () => {
    const tags = (await run("git", ["tag", "--list", "--points-at", "HEAD"], { cwd: workspace })).stdout;
    for (const pkg of publishedPackages(workspace)) expect(tags).toContain(`${pkg.name}@${pkg.version}`);
    const subject = (await run("git", ["log", "-1", "--format=%s"], { cwd: workspace })).stdout.trim();
    expect(subject).toBe("Version packages");
  });

  it("the real release asks for provenance (refused here: no CI identity token)", async () => {
    const tarball = summary.packed.find((item) => item.name === SUBJECT.packageName)?.tarball ?? "";
    const attempt = await run("pnpm", ["publish", tarball, "--json", "--no-git-checks"], {
      cwd: join(workspace, `packages/${SUBJECT.name}`),
      env: releaseEnv({ registry: registry?.url, authFile: join(tmp, "registry-auth.npmrc"), provenance: true }),
      allowFailure: true,
    });
    expect(attempt.exitCode).not.toBe(0);
    expect(attempt.stdout + attempt.stderr).toMatch(/PROVENANCE|ID_TOKEN|OIDC/i);
  });

  it("after a release, a src/ change without a changeset fails the changeset check", () => {
    const index = join(workspace, `packages/${SUBJECT.name}/src/index.ts`);
    appendFileSync(index, "\n// a change a user would see\n");
    const failing = checkChangesets(workspace).filter((check) => !check.ok);
    expect(failing.map((check) => check.name)).toEqual([SUBJECT.packageName]);
    expect(failing[0]?.base).toBe(`${SUBJECT.packageName}@0.2.0`);
    writeFileSync(join(workspace, ".changeset/e2e-fix.md"), `---\n"${SUBJECT.packageName}": patch\n---\n\nA fix.\n`);
    expect(checkChangesets(workspace).every((check) => check.ok)).toBe(true);
  });
});

describe(`a user who installs ${SUBJECT.packageName} alone`, { timeout: 180_000 }, () => {
  let esm: ConsumerProject;
  let bundler: ConsumerProject;
  let commonjs: ConsumerProject;
  const mockOf = new Map<ConsumerProject, MockServer>();
  let version: string;

  beforeAll(async () => {
    version = versionOf(SUBJECT.name);
    [esm, bundler, commonjs] = (await installs.single) as [ConsumerProject, ConsumerProject, ConsumerProject];
    for (const project of [esm, bundler, commonjs]) {
      mockOf.set(project, await mockFromInstalled(project, SUBJECT.packageName));
    }
  }, 600_000);

  it("gets the provider and core, and no other provider package", () => {
    for (const project of [esm, bundler, commonjs]) {
      expect(project.verifetchPackages()).toEqual([SUBJECT.name, "core"].sort());
      const installed = readManifest(project.resolve(`${SUBJECT.packageName}/package.json`));
      expect(installed.version).toBe(version);
      expect(existsSync(join(project.dir, "node_modules/openapi-fetch"))).toBe(true);
    }
  });

  const expectSession = (output: Record<string, unknown>) => {
    expect(output.version).toBe(version);
    expect(output.userAgent).toBe(`verifetch-${SUBJECT.name}/${version}`);
    expect(String(output.url)).toMatch(/^https:\/\//);
  };

  it("ESM TypeScript (module NodeNext, strict): tsc --noEmit passes, then it runs on Node 24", async () => {
    await tsc(esm);
    const result = await esm.run(NODE_24, ["main.ts", mockOf.get(esm)?.baseUrl ?? ""]);
    const output = printedJson(result.stdout);
    expectSession(output);
    expect(output.node).toMatch(/^v24\./);
  });

  it("bundler resolution: tsc passes, the browser bundle holds only this provider, and runs", async () => {
    await tsc(bundler);
    const baseUrl = mockOf.get(bundler)?.baseUrl ?? "";
    const bundle = await bundleForBrowser(bundler, "main.ts", { __MOCK_BASE_URL__: JSON.stringify(baseUrl) });
    const bundled = bundle.inputs.filter((input) => input.includes("@verifetch/"));
    expect(bundled.some((input) => input.includes(`${SUBJECT.packageName}/dist/`))).toBe(true);
    expect(
      bundled.every((input) => input.includes(`${SUBJECT.packageName}/`) || input.includes("@verifetch/core/")),
    ).toBe(true);
    for (const node of [NODE_24, SYSTEM_NODE]) {
      expectSession(printedJson((await bundler.run(node, [bundle.outfile])).stdout));
    }
  });

  it("CommonJS: TypeScript compiles require() calls; they run on the system Node (20) and on Node 24", async () => {
    await tsc(commonjs);
    expect(readFileSync(join(commonjs.dir, "dist/main.cjs"), "utf8")).toContain(`require("${SUBJECT.packageName}")`);
    const baseUrl = mockOf.get(commonjs)?.baseUrl ?? "";
    const onSystem = printedJson((await commonjs.run(SYSTEM_NODE, ["dist/main.cjs", baseUrl])).stdout);
    expectSession(onSystem);
    expect(Number(String(onSystem.node).slice(1).split(".")[0])).toBeLessThan(24);
    const on24 = printedJson((await commonjs.run(NODE_24, ["dist/main.cjs", baseUrl])).stdout);
    expectSession(on24);
    expect(on24.node).toMatch(/^v24\./);
  });

  it("plain ESM JavaScript runs on the system Node (20)", async () => {
    const result = await commonjs.run(SYSTEM_NODE, ["main.mjs", mockOf.get(commonjs)?.baseUrl ?? ""]);
    expectSession(printedJson(result.stdout));
  });
});

describe.skipIf(!HAS_FACADE)(
  `a user of the facade with ${FACADE_PROVIDERS.join(" and ")} (runs once packages/verifetch exists)`,
  { timeout: 180_000 },
  () => {
    let facade: ConsumerProject;
    let mocks: MockServer[];

    beforeAll(async () => {
      facade = (await installs.facade) as ConsumerProject;
      mocks = await Promise.all(FACADE_PROVIDERS.map((name) => mockFromInstalled(facade, `@verifetch/${name}`)));
    }, 600_000);

    it("gets the facade, its providers and core, nothing else of ours", () => {
      expect(facade.verifetchPackages()).toEqual([...FACADE_PROVIDERS, "core"].sort());
      expect(readManifest(facade.resolve("verifetch/package.json")).version).toBe(versionOf("verifetch"));
    });

    it("ESM and CommonJS TypeScript compile (NodeNext, strict) and create a session with each provider", async () => {
      await tsc(facade);
      const urls = mocks.map((mock) => mock.baseUrl);
      const runs = [
        [NODE_24, "dist/main.js"],
        [NODE_24, "dist/main.cjs"],
        [SYSTEM_NODE, "dist/main.cjs"],
      ] as const;
      for (const [node, file] of runs) {
        const output = printedJson((await facade.run(node, [file, ...urls])).stdout);
        const sessions = output.sessions as { provider: string; id: string; url: string }[];
        expect(sessions.map((session) => session.provider)).toEqual(FACADE_PROVIDERS);
        for (const session of sessions) expect(new URL(session.url).protocol).toBe("https:");
      }
    });
  },
);

/** What `npm ls <name> --all --json` finds installed in a project: every version of it. */
async function installedVersions(project: ConsumerProject, name: string): Promise<string[]> {
  const listed = await project.run("npm", ["ls", name, "--all", "--json"], undefined, { allowFailure: true });
  const versions: string[] = [];
  const walk = (tree: { dependencies?: Record<string, { version?: string }> }) => {
    for (const [dependency, node] of Object.entries(tree.dependencies ?? {})) {
      if (dependency === name && node.version) versions.push(node.version);
      walk(node as typeof tree);
    }
  };
  walk(JSON.parse(listed.stdout || "{}") as Parameters<typeof walk>[0]);
  return versions;
}

/** npm's output has no engine warning and the tree no install-time analytics. */
async function expectCleanNode20Install(project: ConsumerProject): Promise<void> {
  expect(`${project.install.stdout}\n${project.install.stderr}`).not.toMatch(/EBADENGINE|Unsupported engine/);
  expect(await installedVersions(project, "@scarf/scarf")).toEqual([]);
}

describe.skipIf(!HAS_CLI)("a user of the CLI alone (runs once packages/cli exists)", { timeout: 180_000 }, () => {
  let cli: ConsumerProject;
  let version: string;

  beforeAll(async () => {
    version = versionOf("cli");
    cli = (await installs.cli) as ConsumerProject;
  }, 600_000);

  const verifetchBin = () => join(cli.dir, "node_modules", ".bin", "verifetch");

  it("installs with npm --engine-strict on the system Node (20): no engine warning, no Prism, no analytics", async () => {
    await expectCleanNode20Install(cli);
    expect(cli.verifetchPackages()).not.toContain("testing");
    expect(existsSync(join(cli.dir, "node_modules", "@stoplight"))).toBe(false);
  });

  it("the bin runs on the system Node (20): --version, providers; a bare verifetch is a usage error", async () => {
    const env = consumerEnv();
    expect((await cli.run(verifetchBin(), ["--version"], env)).stdout.trim()).toBe(version);
    const providers = (await cli.run(verifetchBin(), ["providers"], env)).stdout;
    for (const name of ["complycube", "verifa", "argyle"]) expect(providers).toContain(name);
    const bare = await cli.run(verifetchBin(), [], env, { allowFailure: true });
    expect(bare.exitCode).toBe(2);
    expect(bare.stderr).toMatch(/^Usage$/m);
  });

  it("--mock without @verifetch/testing: exit 1 and the exact command that brings it", async () => {
    const args = ["session", "create", "verifa", "--mock", "--reference", "user_123"];
    const result = await cli.run(verifetchBin(), args, consumerEnv(), { allowFailure: true });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(
      "MockUnavailableError: --mock needs @verifetch/testing (the Prism mock server), which is not installed next to @verifetch/cli; run: npx -p @verifetch/cli -p @verifetch/testing verifetch session create verifa --mock --reference user_123",
    );
  });
});

describe.skipIf(!HAS_CLI)("a user of @verifetch/testing, with the CLI next to it", { timeout: 180_000 }, () => {
  let project: ConsumerProject;

  beforeAll(async () => {
    project = (await installs.testing) as ConsumerProject;
  }, 600_000);

  it("installs with npm --engine-strict on the system Node (20): no engine warning, no analytics, one Prism", async () => {
    await expectCleanNode20Install(project);
    expect(await installedVersions(project, "@stoplight/prism-cli")).toEqual(["5.14.2"]);
    // Prism's own caret ranges dedupe onto the versions @verifetch/testing pins.
    expect(new Set(await installedVersions(project, "@stoplight/prism-core"))).toEqual(new Set(["5.8.0"]));
    expect(new Set(await installedVersions(project, "@stoplight/prism-http"))).toEqual(new Set(["5.12.0"]));
  });

  it("startMock finds the installed spec from another folder; a refused request names its violation; a typo lists the providers (Node 20)", async () => {
    const result = await project.run(SYSTEM_NODE, [join(project.dir, "test", "mock-check.mjs")], undefined, {
      cwd: tmp,
    });
    const output = printedJson(result.stdout);
    expect(String(output.node)).toMatch(/^v20\./);
    expect(String(output.specPath).startsWith(join(project.dir, "node_modules", "@verifetch", "verifa"))).toBe(true);
    expect(String(output.captureUrl)).toMatch(/^https:\/\//);
    expect(output.refused).toEqual({
      name: "UnprocessableEntityError",
      message:
        "verifa responded 422: the request breaks the spec: body.country must NOT have more than 2 characters (maxLength)",
    });
    expect(output.violations).toEqual([
      expect.objectContaining({
        method: "POST",
        path: "/api/v1/sessions",
        location: "body.country",
        rule: "maxLength",
      }),
    ]);
    expect(output.typo).toMatchObject({ name: "InputValidationError" });
    expect((output.typo as { message: string }).message).toContain(
      '(did you mean "verifa"?); the providers are argyle, ',
    );
  });

  it("verifetch session create --mock runs Prism on the system Node (20) and prints the session", async () => {
    const bin = join(project.dir, "node_modules", ".bin", "verifetch");
    const args = ["session", "create", "verifa", "--mock", "--reference", "user_123"];
    const result = await project.run(bin, [...args, "--redirect-url", "https://app.example/done", "--json"]);
    const session = printedJson(result.stdout);
    expect(session.provider).toBe("verifa");
    expect(new URL(String(session.url)).protocol).toBe("https:");
  });
});

describe.skipIf(!HAS_FACADE)(
  "a user's vitest suite, as the @verifetch/testing README's recipe writes it",
  { timeout: 180_000 },
  () => {
    it("tests a webhook handler and polling code with signWebhook, webhookEventFor and mock.scenario, and passes", async () => {
      const project = (await installs.recipe) as ConsumerProject;
      const vitest = join(project.dir, "node_modules", "vitest", "vitest.mjs");
      // The workspace's Node (24): vitest needs 22 or later.
      const result = await project.run(process.execPath, [vitest, "run", "--reporter=verbose"]);
      const printed = stripVTControlCharacters(result.stdout);
      expect(printed).toContain("stores a decline once, from a fresh read, however often it is delivered");
      expect(printed).toMatch(/Tests\s+3 passed \(3\)/);
    });
  },
);

import { type CliProvider, mockExample, PROVIDER_NAMES } from "./cli-providers.ts";

const names = () => PROVIDER_NAMES.join(", ");

export function mainHelp(): string {
  return `verifetch — create hosted identity- and income-verification sessions from the command line

Usage
  verifetch <command> [options]

Commands
  providers                   list the providers, the environment variables each reads, and which are set
  session create <provider>   create a hosted session; print its link, id, expiry and a QR code

Options
  -h, --help      show help (every command has its own: verifetch session create --help)
  -v, --version   print the version

Providers
  ${names()}

Examples
  verifetch providers
  verifetch session create verifa --mock --reference user_123 --redirect-url https://app.example/done
  verifetch session create verifa --reference user_123 --country GB --json     # reads VERIFA_API_KEY

Exit status: 0 on success, 2 for a usage error, 1 for any other failure, 130 when interrupted.
`;
}

export function providersHelp(): string {
  return `Usage
  verifetch providers [--json]

Lists the providers, the environment variables their packages read (API keys, needed to create
sessions for real; webhook secrets, needed to verify webhooks) and whether each is set. Values are
never printed.

Options
  --json       print JSON instead of a table
  -h, --help   show this help
`;
}

export function sessionHelp(): string {
  return `Usage
  verifetch session create <provider> [options]

Commands
  create <provider>   create a hosted session (see verifetch session create --help)
`;
}

/**
 * The help of `session create`; each provider's required options and mock example come from its
 * spec's create example, cut down to what its adapter requires (so they work as printed).
 */
export function sessionCreateHelp(providers: readonly CliProvider[]): string {
  const width = Math.max(16, ...providers.map((provider) => provider.name.length + 1));
  const rows = providers.map((provider) => ({ provider, ...mockExample(provider) }));
  const required = rows
    .map(({ provider, requiredOptions, requiredFlags }) => {
      const needs = [requiredOptions.join(", "), requiredFlags.join(" and ")].filter(Boolean).join("; ");
      return `  ${provider.name.padEnd(width)} ${needs || "nothing beyond --reference"}`;
    })
    .join("\n");
  const examples = rows.map(({ command }) => `  ${command}`).join("\n");
  const idempotent = providers.filter((provider) => provider.module.descriptor.idempotency).map((p) => p.title);
  const hostPicking = providers.filter((provider) => provider.environments).map((p) => p.name);
  const list = (names: readonly string[]) => (names.length > 0 ? names.join(" and ") : "none");
  return `Usage
  verifetch session create <provider> --reference <ref> [options]

Creates a hosted session with one provider through the verifetch facade and prints the URL to
send the user to, its id, expiry and sandbox flag, and a QR code of the URL. The provider's API
keys are read from the environment (see verifetch providers); with --mock the session is created
against a local Prism mock built from the provider package's own OpenAPI spec, with dummy keys.

Providers
  ${names()}

Options
  -r, --reference <ref>       your reference for the user or transaction (required)
  --redirect-url <url>        where the provider sends the user when they finish (https)
  --cancel-url <url>          where the user goes when they cancel, where the provider has one (https)
  --country <CC>              ISO 3166-1 alpha-2 country, e.g. GB
  --language <ll>             UI language (ISO 639-1), where the provider takes one
  --metadata <key=value>      string metadata, where the provider keeps it (repeatable)
  --idempotency-key <key>     idempotency key, for providers that honour one (${list(idempotent)})
  --environment <env>         sandbox (default) or live, for providers with a host for each (${list(hostPicking)})
  -o, --option <key=value>    a provider-only option: providerOptions.<provider>.<key> (repeatable).
                              The value is parsed as JSON when it parses, else kept as a string;
                              a dotted key sets a nested field (document.type=PASSPORT)
  --mock                      use a local Prism mock instead of the provider's API
                              (needs @verifetch/testing, see below)
  --json                      print the session as JSON (and nothing else) on stdout
  --no-qr                     do not print the QR code
  -h, --help                  show this help

Required provider options
${required}

Examples (against the mock)
${examples}

--mock needs @verifetch/testing (Prism) installed next to the CLI:
  npx -p @verifetch/cli -p @verifetch/testing verifetch session create verifa --mock --reference user_123

Exit status: 0 when the session was created; 2 for a usage error (an unknown, repeated or
missing flag, an invalid value, an unknown provider); 1 for any other failure (a provider error,
a missing key); 130 when interrupted. A failure is one line on stderr (JSON with --json).
`;
}

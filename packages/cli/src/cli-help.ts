import { type CliProvider, mockExample, PROVIDER_NAMES } from "./cli-providers.ts";

const names = () => PROVIDER_NAMES.join(", ");

export function mainHelp(): string {
  return `verifetch — create hosted identity- and income-verification sessions and verify their webhooks from the command line

Usage
  verifetch <command> [options]

Commands
  providers                   list the providers, the environment variables each reads, and which are set
  session create <provider>   create a hosted session; print its link, id, expiry and a QR code
  webhook verify <provider>   check a saved webhook delivery's signature and print its event

Options
  -h, --help      show help (every command has its own: verifetch session create --help)
  -v, --version   print the version

Providers
  ${names()}

Examples
  verifetch providers
  verifetch session create verifa --mock --reference user_123 --redirect-url https://app.example/done
  verifetch session create verifa --reference user_123 --country GB --json     # reads VERIFA_API_KEY
  verifetch webhook verify verifa --delivery delivery.json                      # reads VERIFA_WEBHOOK_SECRET

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
  verifetch session get <provider> <id> [options]

Commands
  create <provider>        create a hosted session (see verifetch session create --help)
  get <provider> <id>      read a session back (see verifetch session get --help)
`;
}

/** The help of `session get`: each provider's read operation comes from its spec. */
export function sessionGetHelp(providers: readonly CliProvider[]): string {
  const width = Math.max(16, ...providers.map((provider) => provider.name.length + 1));
  const rows = providers
    .map(
      ({ name, entry }) => `  ${name.padEnd(width)} ${entry.readOperation ?? "none documented: cannot be read back"}`,
    )
    .join("\n");
  return `Usage
  verifetch session get <provider> <id> [--json] [--mock] [--environment sandbox|live]

Reads a session back by the id \`session create\` printed, with the operation the provider's spec
documents for it, and prints the provider's answer as JSON (its own fields: a status, and a decision
where there is one). The API keys are read from the environment (see verifetch providers); with
--mock the answer comes from a local Prism mock of the provider package's spec (its example, for any
id).

Providers and the operation each reads with
${rows}

Options
  --json                   print { provider, id, operation, result } as JSON
  --mock                   read from a local mock of the provider's spec (needs @verifetch/testing)
  --environment <env>      sandbox or live, for providers whose host depends on it
  -h, --help               show this help

Exit codes: 0 read; 1 the provider or the configuration refused (an error on stderr); 2 usage.
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

export function webhookHelp(): string {
  return `Usage
  verifetch webhook verify <provider> [options]

Commands
  verify <provider>   verify a saved webhook delivery (see verifetch webhook verify --help)
`;
}

/** A provider's webhook signature, in a line, from its descriptor. */
function signatureLine(provider: CliProvider): string {
  const webhook = provider.module.descriptor.adapter.webhook;
  const hmac = `hex HMAC-${webhook.algorithm ?? "?"}`;
  const secret = webhook.secret ? `; secret in ${webhook.secret.envVar}` : "";
  if (webhook.scheme === "body-hmac") {
    return `${(webhook.headers ?? []).join(" or ")}: ${hmac} of the raw body${secret}`;
  }
  if (webhook.scheme === "timestamped-hmac") {
    return `${webhook.header ?? "?"}: t=<unix seconds>,v1=<${hmac} of "<t>.<raw body>">, t within ${webhook.toleranceSeconds ?? "?"} s${secret}`;
  }
  if (webhook.scheme === "none") return "no signature documented: its deliveries cannot be verified";
  return `${webhook.scheme}${secret}`;
}

/**
 * A delivery signed on the spot and verified, with the first provider whose scheme is a plain
 * body HMAC (undefined when none is): lines that work as printed, in a POSIX shell with Node.
 */
export function webhookTryIt(providers: readonly CliProvider[]): string[] | undefined {
  const provider = providers.find((candidate) => candidate.module.descriptor.adapter.webhook.scheme === "body-hmac");
  const webhook = provider?.module.descriptor.adapter.webhook;
  const header = webhook?.headers?.[0];
  if (!provider || !webhook?.secret || !header || !webhook.algorithm) return undefined;
  const algorithm = webhook.algorithm.replace("-", "").toLowerCase();
  const env = webhook.secret.envVar;
  return [
    `export ${env}=test_secret`,
    `printf '%s' '{"type":"test.event","event":"test.event"}' > body.json`,
    `sig=$(node -e 'process.stdout.write(require("crypto").createHmac("${algorithm}", process.env.${env}).update(require("fs").readFileSync("body.json")).digest("hex"))')`,
    `verifetch webhook verify ${provider.name} --body body.json --header "${header}: $sig"`,
  ];
}

/** The help of `webhook verify`: each provider's signature scheme and variable, from its descriptor. */
export function webhookVerifyHelp(providers: readonly CliProvider[]): string {
  const width = Math.max(16, ...providers.map((provider) => provider.name.length + 1));
  const schemes = providers.map((provider) => `  ${provider.name.padEnd(width)} ${signatureLine(provider)}`).join("\n");
  const tryIt = webhookTryIt(providers);
  return `Usage
  verifetch webhook verify <provider> --body <file>|- --header 'Name: value' [--header …] [options]
  verifetch webhook verify <provider> --delivery <file.json> [options]

Verifies a webhook delivery you saved — its signature over the exact bytes of its body, with the
provider's documented scheme — through the verifetch facade (the provider package's webhook adapter)
and prints the event it carries: type, session id, your reference and status. Nothing is sent
anywhere, so there is no --mock. The secret is read from the provider's environment variable
(below), never from the command line, where it would stay in your shell history.

Providers
  ${names()}

Options
  --body <file>|-         the raw body exactly as received (- reads stdin); never re-serialize it
  -H, --header <h>        a header of the delivery, 'Name: value' (repeatable; with --body)
  --delivery <file.json>  a saved delivery instead: { "headers": { … }, "body": "<raw body>" }
                          (- reads stdin)
  --secret-env <NAME>     read the secret from the variable NAME instead of the provider's own
  --json                  print { "ok": true, "event": … } as JSON (and nothing else) on stdout
  -h, --help              show this help

Signatures
${schemes}

Examples
  verifetch webhook verify verifa --delivery delivery.json
  verifetch webhook verify veriff --body body.json --header "X-HMAC-SIGNATURE: <hex>" --json
  verifetch webhook verify verifa --body - --header "X-Verifa-Signature: t=…,v1=…" --secret-env STAGING_SECRET < body.json
${
  tryIt
    ? `
Try it with a delivery you sign yourself:
${tryIt.map((line) => `  ${line}`).join("\n")}
`
    : ""
}
Exit status: 0 when the signature matches; 1 when it does not (or a header is missing, the
timestamp is too old, the secret is not set, or the provider documents no signature); 2 for a
usage error (an unknown provider or flag, no body, a malformed header). A failure is one line on
stderr (JSON with --json).
`;
}

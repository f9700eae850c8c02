import { readFileSync } from "node:fs";
import type { parseArgs } from "node:util";
import { ConfigurationError, type WebhookEvent, type WebhookRequest } from "@verifetch/core";
import { createVerifetch, NoSuchProviderError } from "verifetch";
import { UsageError } from "./cli-errors.ts";
import { webhookVerifyHelp } from "./cli-help.ts";
import { parseCommandArgs } from "./cli-parse.ts";
import {
  type CliProvider,
  findProvider,
  isEnvSet,
  loadProviders,
  PROVIDER_NAMES,
  webhooksFor,
} from "./cli-providers.ts";

const OPTIONS = {
  body: { type: "string" },
  header: { type: "string", short: "H", multiple: true },
  delivery: { type: "string" },
  "secret-env": { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies NonNullable<Parameters<typeof parseArgs>[0]>["options"];

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"];

const SEE_HELP = "(see verifetch webhook verify --help)";
/** An HTTP header name (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** A portable environment variable name. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `verifetch webhook verify <provider> …`: verifies a saved delivery with the provider's facade
 * adapter and prints its event; returns the exit code. Nothing is sent anywhere.
 */
export async function webhookVerify(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs("webhook verify", args, OPTIONS);
  if (values.help) {
    process.stdout.write(webhookVerifyHelp(await loadProviders()));
    return 0;
  }
  const [name, ...extra] = positionals;
  const known = [...PROVIDER_NAMES];
  if (name === undefined) {
    throw new UsageError(`webhook verify needs a provider: ${known.join(", ")} ${SEE_HELP}`);
  }
  if (extra.length > 0) {
    throw new UsageError(`webhook verify takes one provider; unexpected ${JSON.stringify(extra[0])}`);
  }
  const provider = await findProvider(name);
  if (!provider) throw new NoSuchProviderError(name, known);
  const secretEnv = values["secret-env"];
  if (secretEnv !== undefined && !ENV_NAME.test(secretEnv)) {
    throw new UsageError(`--secret-env takes the name of an environment variable (got ${JSON.stringify(secretEnv)})`);
  }
  const request = await readDelivery(values);

  const webhooks = webhooksFor(provider, webhookSecret(provider, secretEnv));
  const verifetch = createVerifetch({ providers: {}, webhooks: { [provider.name]: webhooks } });
  const event = await verifetch.verifyWebhook(provider.name, request);
  process.stdout.write(values.json ? `${JSON.stringify({ ok: true, event }, null, 2)}\n` : describeEvent(event));
  return 0;
}

/**
 * The secret to give the adapter: the value of `--secret-env`'s variable, or undefined to let the
 * adapter read the provider's own variable. A missing one is a ConfigurationError in CLI terms,
 * naming the variable and the package's option. A provider with no signature has no secret: its
 * adapter refuses the delivery, saying why.
 */
function webhookSecret(provider: CliProvider, secretEnv: string | undefined): string | undefined {
  const secret = provider.module.descriptor.adapter.webhook.secret;
  if (!secret) return undefined;
  const envVar = secretEnv ?? secret.envVar;
  if (!isEnvSet(envVar)) {
    const holds = `the ${secret.description}, the \`${secret.option}\` option of ${provider.packageName}`;
    const source =
      secretEnv === undefined
        ? `it holds ${holds} (or name another variable with --secret-env NAME)`
        : `--secret-env names it as holding ${holds} (read from ${secret.envVar} without --secret-env)`;
    throw new ConfigurationError(`${envVar} is not set: ${source}`, { option: secret.option, envVar });
  }
  return secretEnv === undefined ? undefined : process.env[envVar];
}

/** The delivery from `--delivery`, or from `--body` and `--header`: the body as bytes, as received. */
async function readDelivery(values: Values): Promise<WebhookRequest> {
  const headerFlags = values.header ?? [];
  if (values.delivery !== undefined) {
    if (values.body !== undefined || headerFlags.length > 0) {
      throw new UsageError(
        `--delivery holds the headers and the body: give it alone, or --body with --header ${SEE_HELP}`,
      );
    }
    return parseDeliveryFile(values.delivery, await readInput("--delivery", values.delivery));
  }
  if (values.body === undefined) {
    throw new UsageError(
      `webhook verify needs the delivery: --body <file> (or - for stdin) with its --header flags, or --delivery <file.json> ${SEE_HELP}`,
    );
  }
  const headers = parseHeaderFlags(headerFlags);
  return { headers, rawBody: await readInput("--body", values.body) };
}

/** `--header 'Name: value'` flags as a record; a name given twice (in any case) is refused. */
export function parseHeaderFlags(flags: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  const seen = new Set<string>();
  for (const flag of flags) {
    const at = flag.indexOf(":");
    const name = flag.slice(0, Math.max(at, 0)).trim();
    if (at <= 0 || !HEADER_NAME.test(name)) {
      throw new UsageError(`--header takes 'Name: value' (got ${JSON.stringify(flag)}) ${SEE_HELP}`);
    }
    if (seen.has(name.toLowerCase())) throw new UsageError(`--header ${name} is given twice`);
    seen.add(name.toLowerCase());
    headers[name] = flag.slice(at + 1).trim();
  }
  return headers;
}

/** A saved delivery, `{ "headers": { name: value | [values] }, "body": "<raw body>" }`, checked. */
export function parseDeliveryFile(path: string, bytes: Uint8Array): WebhookRequest {
  const where = path === "-" ? "--delivery (stdin)" : `--delivery ${path}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new UsageError(`${where} is not JSON: it holds { "headers": { … }, "body": "<raw body>" }`);
  }
  const { headers, body } = (isRecord(parsed) ? parsed : {}) as { headers?: unknown; body?: unknown };
  if (!isRecord(parsed) || !isRecord(headers)) {
    throw new UsageError(`${where}: "headers" must be an object of the delivery's headers`);
  }
  for (const [name, value] of Object.entries(headers)) {
    const ok = typeof value === "string" || (Array.isArray(value) && value.every((item) => typeof item === "string"));
    if (!ok) throw new UsageError(`${where}: header ${JSON.stringify(name)} must be a string (or a list of strings)`);
  }
  if (typeof body !== "string") {
    throw new UsageError(`${where}: "body" must be the raw body as received, as a string (not parsed JSON)`);
  }
  return { headers: headers as Record<string, string | string[]>, rawBody: body };
}

/** A file's bytes, or stdin's for `-`; an unreadable file is a usage error naming the flag. */
async function readInput(flag: string, path: string): Promise<Uint8Array> {
  if (path === "-") {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return new Uint8Array(Buffer.concat(chunks));
  }
  try {
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    throw new UsageError(`${flag}: cannot read ${JSON.stringify(path)}${typeof code === "string" ? ` (${code})` : ""}`);
  }
}

function describeEvent(event: WebhookEvent): string {
  const none = "not in the event";
  const rows: [string, string][] = [
    ["provider", event.provider],
    ["type", event.type],
    ["session", event.sessionId ?? none],
    ["reference", event.reference ?? none],
    ["status", event.status ?? none],
  ];
  return `verified: the signature matches the body\n\n${rows.map(([label, value]) => `  ${label.padEnd(10)} ${value}`).join("\n")}\n`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

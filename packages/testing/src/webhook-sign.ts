// Signs a webhook delivery the way the provider does, so a test can hand it to the code under test
// (a route handler, `verifyWebhook`) without a provider account. The signature is computed with
// core's WebCrypto HMAC over the exact body bytes returned, the same computation verification
// repeats, so what this signs is exactly what verification accepts.
import { ConfigurationError, InputValidationError } from "@verifetch/core";
import { type HmacAlgorithm, hmacHex, isRecord, webhookSecret } from "@verifetch/core/provider";

/**
 * The facts of a provider's webhook scheme that signing needs: a provider's generated adapter
 * descriptor's `webhook` (e.g. `verifaAdapterDescriptor.webhook`) or core's `WebhookScheme`.
 */
export type SignableWebhookScheme =
  | { readonly scheme: "body-hmac"; readonly headers: readonly string[]; readonly algorithm: HmacAlgorithm }
  | { readonly scheme: "timestamped-hmac"; readonly header: string; readonly algorithm: HmacAlgorithm }
  | { readonly scheme: "none"; readonly why?: string };

/** A provider's adapter descriptor (e.g. `verifaAdapterDescriptor` from `@verifetch/verifa`), as far as signing reads it. */
export interface SignableDescriptor {
  readonly provider: string;
  readonly title?: string;
  readonly webhook: SignableWebhookScheme;
}

/** Options for {@link signWebhook}. */
export interface SignWebhookOptions {
  /**
   * The time of the signature, in ms since the epoch (default `Date.now()`): the `t` of a
   * `timestamped-hmac` header. Set it to test a delivery outside the scheme's tolerance.
   */
  nowMs?: number;
  /**
   * The header to put the signature in (default: the scheme's first signature header). A name the
   * scheme does not list gives a delivery that verification refuses as unsigned.
   */
  header?: string;
}

/** A signed webhook delivery: what a provider sends, ready for `verifyWebhook({ headers, rawBody })` or a `fetch` to your route. */
export interface SignedWebhook {
  /** The signature header and `content-type: application/json`. */
  headers: Record<string, string>;
  /** The exact body that was signed. */
  rawBody: string;
}

const ALGORITHMS: readonly string[] = ["SHA-256", "SHA-512"] satisfies HmacAlgorithm[];

/**
 * Signs `event` as `descriptor`'s provider signs a webhook delivery, with `secret` (your endpoint's
 * webhook secret, as you pass it to the client). `event` is sent as `JSON.stringify(event)`, or as
 * is when it is a string (to sign exact bytes). Per the spec's scheme:
 * - `body-hmac`: the hex HMAC of the body in the scheme's first header;
 * - `timestamped-hmac`: `t=<unix seconds>,v1=<hex HMAC of "<t>.<body>">` in its header;
 * - `none`: the provider documents no signature, so there is nothing to sign: a ConfigurationError.
 *
 * Throws ConfigurationError for a secret that is not a non-blank string, and InputValidationError
 * naming the argument for a descriptor without a webhook scheme, an event JSON cannot represent,
 * or bad options.
 */
export async function signWebhook(
  descriptor: SignableDescriptor,
  event: unknown,
  secret: string,
  options: SignWebhookOptions = {},
): Promise<SignedWebhook> {
  const scheme = schemeOf(descriptor);
  if (scheme.scheme === "none") {
    const name = descriptor.title || descriptor.provider;
    const why = typeof scheme.why === "string" && scheme.why ? `: ${scheme.why}` : "";
    throw new ConfigurationError(`${name} documents no webhook signature, so a delivery cannot be signed${why}`);
  }
  const key = webhookSecret(descriptor.provider, secret);
  const { nowMs = Date.now(), header } = checkOptions(options);
  const rawBody = bodyOf(event);
  if (scheme.scheme === "body-hmac") {
    return delivery(header ?? scheme.headers[0] ?? "", await hmacHex(scheme.algorithm, key, rawBody), rawBody);
  }
  const t = Math.floor(nowMs / 1000);
  const signature = await hmacHex(scheme.algorithm, key, `${t}.${rawBody}`);
  return delivery(header ?? scheme.header, `t=${t},v1=${signature}`, rawBody);
}

function delivery(header: string, value: string, rawBody: string): SignedWebhook {
  return { headers: { "content-type": "application/json", [header]: value }, rawBody };
}

/** The descriptor's webhook scheme, checked: misuse from plain JavaScript is named, not a TypeError. */
function schemeOf(descriptor: SignableDescriptor): SignableWebhookScheme {
  if (!isRecord(descriptor) || typeof descriptor.provider !== "string" || !descriptor.provider) {
    throw new InputValidationError(
      "descriptor",
      "must be a provider's adapter descriptor with a `provider` name (e.g. verifaAdapterDescriptor from @verifetch/verifa)",
    );
  }
  const scheme: unknown = descriptor.webhook;
  const field = "descriptor.webhook";
  if (!isRecord(scheme)) {
    throw new InputValidationError(field, `must be ${descriptor.provider}'s webhook scheme; the descriptor has none`);
  }
  if (scheme.scheme === "none") return scheme as SignableWebhookScheme;
  if (scheme.scheme !== "body-hmac" && scheme.scheme !== "timestamped-hmac") {
    throw new InputValidationError(
      `${field}.scheme`,
      `must be "body-hmac", "timestamped-hmac" or "none", not ${JSON.stringify(scheme.scheme)}`,
    );
  }
  if (!ALGORITHMS.includes(scheme.algorithm as string)) {
    throw new InputValidationError(`${field}.algorithm`, `must be ${ALGORITHMS.join(" or ")}`);
  }
  const headers = scheme.scheme === "body-hmac" ? scheme.headers : [scheme.header];
  if (!Array.isArray(headers) || !headers.every(isHeaderName) || headers.length === 0) {
    throw new InputValidationError(
      `${field}.${scheme.scheme === "body-hmac" ? "headers" : "header"}`,
      "must name the signature header",
    );
  }
  return scheme as SignableWebhookScheme;
}

function checkOptions(options: SignWebhookOptions): SignWebhookOptions {
  if (!isRecord(options)) throw new InputValidationError("options", "must be an object");
  const { nowMs, header } = options;
  if (nowMs !== undefined && !(typeof nowMs === "number" && Number.isFinite(nowMs) && nowMs >= 0)) {
    throw new InputValidationError("options.nowMs", "must be a time in ms since the epoch (a finite number ≥ 0)");
  }
  if (header !== undefined && !isHeaderName(header)) {
    throw new InputValidationError("options.header", "must be a header name (a non-blank string without spaces)");
  }
  return options;
}

function isHeaderName(value: unknown): value is string {
  return typeof value === "string" && /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(value);
}

/** The delivery's body: `event` itself when it is a string, else its JSON. */
function bodyOf(event: unknown): string {
  if (typeof event === "string") return event;
  let json: string | undefined;
  try {
    json = JSON.stringify(event);
  } catch (error) {
    throw new InputValidationError("event", `must be a string or JSON-serializable: ${(error as Error).message}`);
  }
  if (json === undefined) throw new InputValidationError("event", "must be a string or JSON-serializable");
  return json;
}

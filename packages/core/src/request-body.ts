// openapi-fetch serializes a JSON body to a string and wraps it in a Request; reading it back from the
// Request's stream on every call costs more than the rest of the transport. A Request subclass that
// also keeps the string lets the transport resend the very same body without that round trip.

/** Where a BodyKeepingRequest keeps its string body. */
const BODY = Symbol("verifetch.body");

let BodyKeepingRequest: typeof Request | undefined;

/**
 * The Request class handed to openapi-fetch: a Request that remembers a string body. Defined on first
 * use, because touching the global Request loads Node's fetch internals (importing stays cheap).
 */
export function bodyKeepingRequest(): typeof Request {
  BodyKeepingRequest ??= class extends Request {
    readonly [BODY]: string | undefined;
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(input, init);
      this[BODY] = typeof init?.body === "string" ? init.body : undefined;
    }
  };
  return BodyKeepingRequest;
}

/** The body to send on every attempt of `request`: the kept string, or its bytes read once. */
export async function replayableBody(request: Request): Promise<string | ArrayBuffer> {
  return (request as { [BODY]?: string })[BODY] ?? (await request.arrayBuffer());
}

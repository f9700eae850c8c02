/** The fetch signature openapi-fetch calls: one prepared Request in, one Response out. */
export type FetchLike = (request: Request) => Promise<Response>;

/** What the transport needs to send a request on behalf of one provider package. */
export interface ClientFetchConfig {
  /** `User-Agent` value, e.g. `verifetch-complycube/0.1.0`. */
  userAgent: string;
  /** Adds credentials to the request just before it is sent (keys are loaded lazily here). */
  authenticate: (request: Request) => Request | Promise<Request>;
  /** The caller's fetch; defaults to the global fetch looked up at call time. */
  fetch?: FetchLike | undefined;
}

/**
 * The single fetch seam every provider client goes through: openapi-fetch builds the Request, this
 * function adds identity and credentials and hands it to the real fetch. Retries, timeouts and
 * idempotency wrap this seam (a middleware could not re-send a consumed body).
 */
export function createClientFetch(config: ClientFetchConfig): FetchLike {
  return async (request) => {
    const prepared = await config.authenticate(request);
    prepared.headers.set("User-Agent", config.userAgent);
    const send = config.fetch ?? globalThis.fetch;
    return send(prepared);
  };
}

// A provider client's session adapter is built by a separate function (`complyCubeSessions(client)`),
// so programs that only call the API never bundle the adapter. The settings only the adapter needs
// (webhook secret, clock) are given to the client once and looked up here.

/** Settings a provider client keeps for its session adapter. */
export interface SessionSettings {
  /** The secret webhooks are signed with (the option value; the adapter falls back to the env var). */
  webhookSecret?: string | undefined;
  /** The clock for webhook timestamp windows and expiry estimates. */
  now?: (() => number) | undefined;
}

const registry = new WeakMap<object, SessionSettings>();

/** Records the session-adapter settings of a provider client (called by its constructor). */
export function setSessionSettings(client: object, settings: SessionSettings): void {
  registry.set(client, settings);
}

/** The session-adapter settings recorded for `client`; empty when none were. */
export function sessionSettingsOf(client: object): SessionSettings {
  return registry.get(client) ?? {};
}

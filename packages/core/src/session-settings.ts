// A provider client's session adapter is built by a separate function (`complyCubeSessions(client)`),
// so programs that only call the API never bundle the adapter. What only the adapter needs (webhook
// secret, clock) is given to the client's transport when it is built, and read back here.
import { transportOf } from "./transport-create.ts";
import type { SessionSettings } from "./transport-types.ts";

/** The session settings of a provider client (`{}` for none). */
export function sessionSettingsOf(client: object): SessionSettings {
  return transportOf(client).session;
}

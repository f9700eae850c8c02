// One provider's whole session lifecycle through the facade, as a server runs it: create a session,
// receive a signed webhook for a chosen outcome, verify it, drop its redelivery, re-fetch the outcome
// before acting, and keep the final one. Runs against the provider's mock; the webhook is the
// spec's sample delivery carrying the chosen outcome, signed the way the provider signs.
import {
  decideWebhookUpdate,
  type Outcome,
  OutcomeUnavailableError,
  type StoredOutcome,
  type WebhookEvent,
} from "@verifetch/core";
import type { ResultProvider, WebhookProvider } from "@verifetch/core/session";
import { signWebhook, webhookEventFor } from "@verifetch/testing";
import { type AnySessionProvider, createVerifetch } from "verifetch";
import { exampleSessionInput, mockClientOptions } from "../../../packages/cli/src/cli-provider-registry.ts";
import type { ProviderModule, RegistryEntry } from "../../../packages/cli/src/generated/providers.ts";

/** What the lifecycle table shows for one provider. */
export interface LifecycleRow {
  provider: string;
  /** The outcome the webhook was sent with. */
  chosen: Outcome;
  /** The verified webhook's outcome, or why there is none. */
  webhook: string;
  /** What `decideWebhookUpdate` said about the same delivery sent again. */
  redelivery: string;
  /** The outcome read back (`getOutcome`), or why there is none. */
  refetched: string;
  /** The outcome kept: the one read back, else the webhook's. */
  final: Outcome;
}

/** The outcomes the demo shows, one per provider in turn: the decisions first. */
const SHOWN: readonly Outcome[] = [
  "approved",
  "declined",
  "review",
  "resubmission_requested",
  "completed",
  "abandoned",
];

/**
 * The outcome to show for the `index`-th provider: the next of SHOWN (turn by turn) that one of its
 * documented statuses means and, when the mock says which it can play (`playable`), one it can.
 */
export function demoOutcome(module: ProviderModule, index: number, playable?: readonly Outcome[]): Outcome {
  const offered = new Set(Object.values(module.descriptor.outcomes.statuses));
  const candidates = SHOWN.filter((outcome) => offered.has(outcome) && (!playable || playable.includes(outcome)));
  return candidates[index % Math.max(candidates.length, 1)] ?? "pending";
}

/**
 * Runs the lifecycle of `entry` against its mock at `baseUrl`, with a webhook for `outcome`;
 * `scenario` makes the mock answer reads with that outcome's example, where the spec has one.
 */
export async function runLifecycle(
  entry: RegistryEntry,
  module: ProviderModule,
  baseUrl: string,
  outcome: Outcome,
  scenario?: (outcome: Outcome | null) => void,
): Promise<LifecycleRow> {
  const { name } = entry;
  const options = mockClientOptions(module.descriptor, baseUrl, "lifecycle");
  const client = module.createClient(options);
  const adapter = module.createSessions(client) as AnySessionProvider;
  const vf = createVerifetch({
    providers: { [name]: adapter },
    webhooks: { [name]: module.createWebhooks(client) as WebhookProvider },
    results: { [name]: module.createResults(client) as ResultProvider },
  });
  const session = await vf.createSession(name, exampleSessionInput(entry, adapter) as never);

  // The webhook: verified, applied once, its redelivery refused.
  let stored: StoredOutcome | null = null;
  let event: WebhookEvent | undefined;
  let webhook: string;
  let redelivery = "-";
  const secretOption = module.descriptor.adapter.webhook.secret?.option;
  if (secretOption) {
    const body = webhookEventFor(module.descriptor, outcome);
    const delivery = await signWebhook(module.descriptor.adapter as never, body, options[secretOption] as string);
    event = await vf.verifyWebhook(name, delivery);
    const seen = new Set<string>();
    const first = decideWebhookUpdate(stored, event);
    if (first.apply) {
      seen.add(event.deliveryKey);
      stored = { sessionId: event.sessionId ?? session.id, outcome: event.outcome, deliveryKeys: seen };
    }
    webhook = `${event.outcome} (${first.reason})`;
    const again = decideWebhookUpdate(stored, await vf.verifyWebhook(name, delivery));
    redelivery = again.apply ? "applied twice!" : `ignored (${again.reason})`;
  } else {
    webhook = "unsigned: cannot be verified";
  }

  // Re-fetch before acting: the outcome read back is the one to keep.
  scenario?.(outcome);
  try {
    const read = await vf.getOutcome(name, entry.readExampleId ?? session.id);
    return { provider: name, chosen: outcome, webhook, redelivery, refetched: read.outcome, final: read.outcome };
  } catch (error) {
    if (!OutcomeUnavailableError.isInstance(error)) throw error;
    return {
      provider: name,
      chosen: outcome,
      webhook,
      redelivery,
      refetched: "not documented",
      final: stored?.outcome ?? "unknown",
    };
  } finally {
    scenario?.(null);
  }
}

/** The lifecycle rows as a small fixed-width table. */
export function lifecycleTable(rows: readonly LifecycleRow[]): string {
  const header = ["provider", "webhook sent", "verified", "redelivery", "re-fetched", "final"];
  const lines = [
    header,
    ...rows.map((row) => [row.provider, row.chosen, row.webhook, row.redelivery, row.refetched, row.final]),
  ];
  const widths = header.map((_, column) => Math.max(...lines.map((line) => (line[column] ?? "").length)));
  return lines
    .map((line) =>
      line
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

import type { Check } from "./generated/index.ts";

// Least to most severe. Any other status (failed, no outcome, undocumented) is "undecided": waiting will not settle it.
const SEVERITY = ["clear", "pending", "undecided", "attention", "match_confirmed", "rejected"];
/** A flow session's outcome from the checks it ran on its client (`listChecks({ clientId }).items`): the most severe status (`result.outcome` once complete), first found, to map with `complyCubeOutcomes` (`null`: no check yet), and every check that is not clear as a reason. */
export function complyCubeOutcomeOf(checks: readonly Check[]) {
  const rank = (status: string) => (SEVERITY.includes(status) ? SEVERITY.indexOf(status) : 2);
  let status: string | null = null;
  const reasons: { code: string | null; text: string | null }[] = [];
  for (const check of checks) {
    const own = String(check.status === "complete" ? (check.result?.outcome ?? "complete") : check.status);
    if (status === null || rank(own) > rank(status)) status = own;
    if (own !== "clear") reasons.push({ code: own, text: `${check.type}: ${own}` });
  }
  return { status, reasons };
}

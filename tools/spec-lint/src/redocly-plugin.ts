// The local Redocly plugin that specs/redocly.yaml loads (`plugins:`); its rules are named
// `verifetch/<rule>`. Redocly imports this file directly (Node strips the types).
import { ProvenanceRule } from "./provenance-rule.ts";

/** Redocly plugin entry: `verifetch/provenance`. */
export default function verifetchSpecRules() {
  return { id: "verifetch", rules: { oas3: { provenance: ProvenanceRule } } };
}

// @verifetch/testing's signWebhook against every provider package: a delivery it signs with a
// provider's generated adapter descriptor verifies through that provider's generated
// `verify<Provider>Webhook`, its facade adapter's `verifyWebhook` and the facade; a changed body,
// another secret or (timestamped schemes) a time outside the tolerance does not; and a provider that
// documents no signature cannot be signed for. Here, not in @verifetch/testing, because the provider
// packages depend on that package for their own tests.

import { resolve } from "node:path";
import { argyleAdapterDescriptor, argyleWebhooks, createArgyle, verifyArgyleWebhook } from "@verifetch/argyle";
import {
  argylePartnersAdapterDescriptor,
  argylePartnersWebhooks,
  createArgylePartners,
  verifyArgylePartnersWebhook,
} from "@verifetch/argyle-partners";
import {
  complyCubeAdapterDescriptor,
  complyCubeWebhooks,
  createComplyCube,
  verifyComplyCubeWebhook,
} from "@verifetch/complycube";
import { ConfigurationError, OUTCOMES, type WebhookRequest, WebhookVerificationError } from "@verifetch/core";
import type { WebhookProvider } from "@verifetch/core/session";
import { createEarthId, earthIdAdapterDescriptor, earthIdWebhooks } from "@verifetch/earthid";
import { createOnfido, onfidoAdapterDescriptor, onfidoWebhooks, verifyOnfidoWebhook } from "@verifetch/onfido";
import { createPersona, personaAdapterDescriptor, personaWebhooks, verifyPersonaWebhook } from "@verifetch/persona";
import {
  createStripeIdentity,
  stripeIdentityAdapterDescriptor,
  stripeIdentityWebhooks,
  verifyStripeIdentityWebhook,
} from "@verifetch/stripe-identity";
import { PROVIDER_NAMES, type SignableDescriptor, signWebhook } from "@verifetch/testing";
import { createVerifa, verifaAdapterDescriptor, verifaWebhooks, verifyVerifaWebhook } from "@verifetch/verifa";
import { createVeriff, veriffAdapterDescriptor, veriffWebhooks, verifyVeriffWebhook } from "@verifetch/veriff";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { bodyOf, readVendorExamples, verbatimOf } from "../../../tools/spec-lint/src/vendor-examples.ts";
import { createVerifetch } from "./verifetch-create.ts";

const NOW = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const SECRET = "whsec_sign_test";
const clock = { now: () => NOW };
// An event every provider's parser accepts: an object with `type`, `event` and a `verification`.
const EVENT = {
  type: "check.completed",
  event: "session.approved",
  verification: { id: "v_1", status: "approved" },
  data: { attributes: { name: "inquiry.approved" } },
  payload: {
    resource_type: "workflow_run",
    action: "workflow_run.completed",
    object: { id: "v_1", status: "approved" },
  },
};

type ClientOptions = { clock: typeof clock } & Record<string, unknown>;

/** One provider package: its descriptor, its generated verify function and its facade adapter. */
interface Provider {
  descriptor: SignableDescriptor & {
    webhook: { secret?: { option: string; envVar: string }; toleranceSeconds?: number };
  };
  verify?: (request: WebhookRequest, secret?: string, nowMs?: number) => Promise<unknown>;
  adapter: (options: ClientOptions) => WebhookProvider;
}

const providers: Provider[] = [
  {
    descriptor: argyleAdapterDescriptor,
    verify: verifyArgyleWebhook,
    adapter: (options) => argyleWebhooks(createArgyle(options)),
  },
  {
    descriptor: argylePartnersAdapterDescriptor,
    verify: verifyArgylePartnersWebhook,
    adapter: (options) => argylePartnersWebhooks(createArgylePartners(options)),
  },
  {
    descriptor: complyCubeAdapterDescriptor,
    verify: verifyComplyCubeWebhook,
    adapter: (options) => complyCubeWebhooks(createComplyCube(options)),
  },
  {
    descriptor: earthIdAdapterDescriptor,
    adapter: (options) => earthIdWebhooks(createEarthId(options)),
  },
  {
    descriptor: personaAdapterDescriptor,
    verify: verifyPersonaWebhook,
    adapter: (options) => personaWebhooks(createPersona(options)),
  },
  {
    descriptor: stripeIdentityAdapterDescriptor,
    verify: verifyStripeIdentityWebhook,
    adapter: (options) => stripeIdentityWebhooks(createStripeIdentity(options)),
  },
  {
    descriptor: onfidoAdapterDescriptor,
    verify: verifyOnfidoWebhook,
    adapter: (options) => onfidoWebhooks(createOnfido(options)),
  },
  {
    descriptor: verifaAdapterDescriptor,
    verify: verifyVerifaWebhook,
    adapter: (options) => verifaWebhooks(createVerifa(options)),
  },
  {
    descriptor: veriffAdapterDescriptor,
    verify: verifyVeriffWebhook,
    adapter: (options) => veriffWebhooks(createVeriff(options)),
  },
];
const signed = providers.filter((provider) => provider.descriptor.webhook.scheme !== "none");

/** Every way the repository verifies a provider's delivery, each resolving to its parsed body. */
function verifiers({ descriptor, verify, adapter }: Provider, secret = SECRET) {
  const { provider, webhook } = descriptor;
  const options: ClientOptions = { clock, ...(webhook.secret ? { [webhook.secret.option]: secret } : {}) };
  const webhooks = adapter(options);
  const vf = createVerifetch({ providers: {}, webhooks: { [provider]: adapter(options) } });
  return {
    [`verify${descriptor.title?.replace(/\s/g, "")}Webhook`]: (request: WebhookRequest) =>
      verify ? verify(request, secret, NOW) : Promise.reject(new Error(`${provider} has no verify function`)),
    "the adapter's verifyWebhook": async (request: WebhookRequest) => (await webhooks.verifyWebhook(request)).raw,
    "the facade's verifyWebhook": async (request: WebhookRequest) => (await vf.verifyWebhook(provider, request)).raw,
  };
}

// No secret from the environment: each check uses the secret it is given.
beforeEach(() => {
  for (const { descriptor } of providers)
    if (descriptor.webhook.secret) vi.stubEnv(descriptor.webhook.secret.envVar, "");
});
afterEach(() => vi.unstubAllEnvs());

it("covers every provider package", () => {
  expect(providers.map(({ descriptor }) => descriptor.provider).sort()).toEqual([...PROVIDER_NAMES].sort());
});

describe.each(signed.map((provider) => [provider.descriptor.provider, provider] as const))("%s", (_, provider) => {
  const { descriptor } = provider;

  it("a signed delivery verifies through the generated function, the adapter and the facade", async () => {
    const delivery = await signWebhook(descriptor, EVENT, SECRET, { nowMs: NOW });
    for (const [name, verify] of Object.entries(verifiers(provider))) {
      expect(await verify(delivery), name).toEqual(EVENT);
    }
  });

  it("a changed body does not verify", async () => {
    const delivery = await signWebhook(descriptor, EVENT, SECRET, { nowMs: NOW });
    const tampered = { ...delivery, rawBody: delivery.rawBody.replace("approved", "declined") };
    for (const [name, verify] of Object.entries(verifiers(provider))) {
      await expect(verify(tampered), name).rejects.toThrow(/signature does not match the body/);
    }
  });

  it("a delivery signed with another secret does not verify", async () => {
    const delivery = await signWebhook(descriptor, EVENT, "whsec_someone_else", { nowMs: NOW });
    for (const [name, verify] of Object.entries(verifiers(provider))) {
      await expect(verify(delivery), name).rejects.toBeInstanceOf(WebhookVerificationError);
    }
  });
});

const timestamped = signed.filter(({ descriptor }) => descriptor.webhook.scheme === "timestamped-hmac");

it("a timestamped provider is among them (else the tolerance check below tests nothing)", () => {
  expect(timestamped.length).toBeGreaterThan(0);
});

describe.each(timestamped.map((provider) => [provider.descriptor.provider, provider] as const))("%s", (_, provider) => {
  const { descriptor } = provider;
  const seconds = descriptor.webhook.toleranceSeconds ?? Number.NaN;

  it("a delivery signed at the edge of the tolerance verifies; one second beyond it does not", async () => {
    for (const offset of [-seconds, seconds]) {
      const delivery = await signWebhook(descriptor, EVENT, SECRET, { nowMs: NOW + offset * 1000 });
      for (const [name, verify] of Object.entries(verifiers(provider))) {
        expect(await verify(delivery), name).toEqual(EVENT);
      }
    }
    for (const offset of [-(seconds + 1), seconds + 1]) {
      const delivery = await signWebhook(descriptor, EVENT, SECRET, { nowMs: NOW + offset * 1000 });
      for (const [name, verify] of Object.entries(verifiers(provider))) {
        await expect(verify(delivery), name).rejects.toThrow(/possible replay/);
      }
    }
  });
});

it("EarthID documents no signature: signing is a ConfigurationError saying so", async () => {
  const error = await signWebhook(earthIdAdapterDescriptor, EVENT, SECRET).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConfigurationError);
  expect((error as Error).message).toMatch(/^EarthID documents no webhook signature, so a delivery cannot be signed: /);
});

// Deliveries the vendors publish (specs/examples/<spec>/*.yaml naming the outcome their docs give
// them): signed as the provider signs, each verifies through the facade and reads as that outcome.
describe("vendor-published deliveries", () => {
  const rootDir = resolve(import.meta.dirname, "../../..");
  const deliveries = readVendorExamples(rootDir).filter((example) => example.outcome !== undefined);

  it("state outcomes the facade knows", () => {
    for (const { id, outcome } of deliveries) expect(OUTCOMES, id).toContain(outcome);
  });

  describe.each(deliveries.map((example) => [example.id, example] as const))("%s", (_, example) => {
    const provider = providers.find(({ descriptor }) => descriptor.provider === example.spec);
    // The published text is signed byte for byte where it was stored as text.
    const request = example.request ?? {};
    const raw = verbatimOf(request).text ?? JSON.stringify(bodyOf(request));

    it(`verifies when signed and reads as ${example.outcome}`, async () => {
      if (provider === undefined) throw new Error(`no provider package for specs/${example.spec}.yaml`);
      const { descriptor, adapter } = provider;
      const options: ClientOptions = {
        clock,
        ...(descriptor.webhook.secret ? { [descriptor.webhook.secret.option]: SECRET } : {}),
      };
      const vf = createVerifetch({ providers: {}, webhooks: { [descriptor.provider]: adapter(options) } });
      if (descriptor.webhook.scheme === "none") {
        // The provider documents no signature: the facade refuses rather than trust an unsigned body.
        const unsigned = { headers: { "content-type": "application/json" }, rawBody: raw };
        await expect(vf.verifyWebhook(descriptor.provider, unsigned)).rejects.toBeInstanceOf(ConfigurationError);
        return;
      }
      const delivery = await signWebhook(descriptor, raw, SECRET, { nowMs: NOW });
      const event = await vf.verifyWebhook(descriptor.provider, delivery);
      expect(event.raw).toEqual(JSON.parse(raw));
      expect(event.outcome).toBe(example.outcome);
    });
  });
});

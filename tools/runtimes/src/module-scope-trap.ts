// Evaluated before any package module (every runtime entry imports it first), and lifted by the entry
// once all of them have been evaluated: while it is set, creating an AbortController, starting a timer,
// fetching, calling WebCrypto or drawing random numbers throws. Cloudflare Workers refuse part of this
// at global scope (timers, AbortSignal.timeout, random values, I/O) and publish nothing about the rest,
// so the rule "no work at module load" is checked here as written, in every runtime, not only as far
// as one workerd version enforces it.

interface Trapped {
  owner: Record<string, unknown>;
  key: string;
  original: PropertyDescriptor | undefined;
}

const trapped: Trapped[] = [];
let armed = true;

function trap(owner: object | undefined, key: string, what: string): void {
  if (!owner) throw new Error(`module-scope trap: this runtime has no ${what}`);
  const target = owner as Record<string, unknown>;
  const original = Object.getOwnPropertyDescriptor(target, key);
  const value = target[key];
  if (typeof value !== "function") throw new Error(`module-scope trap: ${what} is not a function here`);
  const real = value as (...args: unknown[]) => unknown;
  // A module may keep a reference (`random: Math.random`) without calling it: once lifted, the
  // stand-in behaves as the original, as a function and as a class (`new`, `extends`).
  function standIn(this: unknown, ...args: unknown[]): unknown {
    if (armed) throw new Error(`${what} called while the packages were being imported (no work at module load)`);
    return new.target ? Reflect.construct(real, args, new.target) : Reflect.apply(real, this, args);
  }
  Object.defineProperty(target, key, { value: standIn, configurable: true, writable: true });
  trapped.push({ owner: target, key, original });
}

const scope = globalThis as unknown as Record<string, object | undefined> & { crypto?: Crypto };
trap(scope, "AbortController", "new AbortController()");
trap(scope.AbortSignal, "timeout", "AbortSignal.timeout()");
trap(scope, "setTimeout", "setTimeout()");
trap(scope, "setInterval", "setInterval()");
trap(scope, "fetch", "fetch()");
trap(Math, "random", "Math.random()");
trap(scope.crypto, "getRandomValues", "crypto.getRandomValues()");
trap(scope.crypto, "randomUUID", "crypto.randomUUID()");
for (const method of ["importKey", "sign", "verify", "digest", "generateKey"]) {
  trap(scope.crypto?.subtle, method, `crypto.subtle.${method}()`);
}

/** Puts every trapped global back; the entry calls it right after its imports. */
export function liftModuleScopeTrap(): void {
  armed = false;
  for (const { owner, key, original } of trapped.splice(0).reverse()) {
    if (original) Object.defineProperty(owner, key, original);
    else delete owner[key];
  }
}

// One instance per process, shared by the custom server and Next's route-handler bundle.

export function processSingleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`parley.${name}`);
  const holder = globalThis as unknown as Record<symbol, T | undefined>;
  let value = holder[key];
  if (value === undefined) {
    value = create();
    holder[key] = value;
  }
  return value;
}

/** Forgets the instance (the next use creates a new one) and returns it, to be closed. */
export function releaseProcessSingleton<T>(name: string): T | undefined {
  const key = Symbol.for(`parley.${name}`);
  const holder = globalThis as unknown as Record<symbol, T | undefined>;
  const value = holder[key];
  holder[key] = undefined;
  return value;
}

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

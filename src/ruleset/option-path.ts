// A rule's thresholds name places in its options by dotted path (`require.0.min`).
// Paths are letters and digits only (the rule schema says so): no `__proto__` can be reached.

type Json = unknown;

export function readOption(options: Json, path: string): Json {
  let node: Json = options;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, Json>)[key];
  }
  return node;
}

/** A copy of the options with one value replaced; the original is left as it is. */
export function withOption(options: Json, path: string, value: Json): Json {
  const [key, ...rest] = path.split('.');
  const copy: Record<string, Json> | Json[] = Array.isArray(options) ? [...options] : { ...(options as Record<string, Json>) };
  const current = (copy as Record<string, Json>)[key];
  (copy as Record<string, Json>)[key] = rest.length === 0 ? value : withOption(current, rest.join('.'), value);
  return copy;
}

/** Sets an own property, "__proto__" included: a document's keys stay keys, so validation sees each one. */
function define(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * A drafted document without its review aids: every `draft` key, at the top and in any entry, is removed, so
 * what the analyst kept validates and ingests as an ordinary source document. Other values are left as they are.
 * The walk keeps its own stack, so no nesting, however deep, exhausts the call stack.
 */
export function stripDraft(value: unknown): unknown {
  const root: { value?: unknown } = {};
  const pending: { from: unknown; into: object; key: string | number }[] = [{ from: value, into: root, key: 'value' }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { from, into, key } = next;
    if (from === null || typeof from !== 'object') {
      define(into, key, from);
      continue;
    }
    const copy: object = Array.isArray(from) ? [] : {};
    define(into, key, copy);
    for (const [k, v] of Object.entries(from)) {
      if (k === 'draft' && !Array.isArray(from)) continue;
      // Placed now, filled when popped: the copy keeps the original's key order.
      define(copy, Array.isArray(from) ? Number(k) : k, undefined);
      pending.push({ from: v, into: copy, key: Array.isArray(from) ? Number(k) : k });
    }
  }
  return root.value;
}

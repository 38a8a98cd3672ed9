/**
 * A drafted document without its review aids: every `draft` key, at the top and in any entry, is removed, so
 * what the analyst kept validates and ingests as an ordinary source document. Other values are left as they are.
 */
export function stripDraft(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripDraft);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'draft')
      .map(([key, v]) => [key, stripDraft(v)]),
  );
}

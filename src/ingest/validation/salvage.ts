import type { Problem } from '../../domain/problem.js';
import { DOCUMENT_LABELS, type EntityLabel, type SourceDocument } from '../../domain/registry/index.js';

/** What of a document that failed the JSON Schema the other rules can still check. */
export interface Salvaged {
  /** The document without the entries and fields the schema found wrong; every entry left is well formed. */
  document: SourceDocument;
  /** Ids of the entries left out, so that references to them are not reported as well. */
  leftOut: Map<string, EntityLabel>;
}

const LABEL_OF_SECTION = new Map(DOCUMENT_LABELS.map((spec) => [spec.section, spec.label]));

/**
 * Keeps the well-formed part of a document the JSON Schema refused, so that its references, dates and evidence are
 * checked as well and every problem is listed at once (a schema error does not hide a dangling reference). Entries
 * with a schema problem anywhere inside are left out whole; so are top-level fields that are wrong as a whole. A
 * document whose sources are wrong keeps nothing: evidence cannot be checked against sources that are not known.
 */
export function salvage(value: unknown, problems: readonly Problem[]): Salvaged | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const badFields = new Set<string>();
  const badEntries = new Map<string, Set<number>>();
  for (const { path } of problems) {
    const [field, index] = path.split('/').slice(1);
    if (field === undefined || field === '') return undefined;
    if (field === 'sources') return undefined;
    const item = Number(index);
    if (index === undefined || !Number.isInteger(item)) badFields.add(field);
    else badEntries.set(field, (badEntries.get(field) ?? new Set()).add(item));
  }
  const document: Record<string, unknown> = {};
  const leftOut = new Map<string, EntityLabel>();
  for (const [field, fieldValue] of Object.entries(value)) {
    if (badFields.has(field)) continue;
    const bad = badEntries.get(field);
    if (!bad || !Array.isArray(fieldValue)) {
      document[field] = fieldValue;
      continue;
    }
    document[field] = fieldValue.filter((entry, i) => {
      if (!bad.has(i)) return true;
      const id = (entry as { id?: unknown } | null)?.id;
      const label = LABEL_OF_SECTION.get(field);
      if (typeof id === 'string' && label && label !== 'Source') leftOut.set(id, label as EntityLabel);
      return false;
    });
  }
  if (!Array.isArray(document.sources) || document.sources.length === 0) return undefined;
  return { document: document as unknown as SourceDocument, leftOut };
}

import {
  type AnyEntry,
  DOCUMENT_LABELS,
  type LabelSpec,
  LINKS_FIELDS,
  REFERENCE_FIELDS,
  type SourceDocument,
} from '../../domain/registry/index.js';

/** A parsed document that passed the JSON Schema, with the file (or argument) it came from. */
export interface NamedDocument {
  file: string;
  document: SourceDocument;
}

/** One entry of one section, sources included, with its JSON pointer. */
export interface EntryVisit {
  spec: LabelSpec;
  entry: AnyEntry;
  index: number;
  path: string;
}

/** Every entry of a document, section by section in registry order (sources first). */
export function entriesOf(document: SourceDocument): EntryVisit[] {
  return DOCUMENT_LABELS.flatMap((spec) =>
    ((document as unknown as Record<string, AnyEntry[] | undefined>)[spec.section] ?? []).map((entry, index) => ({
      spec,
      entry,
      index,
      path: `/${spec.section}/${index}`,
    })),
  );
}

/** One id a document names in a reference, where, and which labels it may name. */
export interface ReferenceVisit {
  path: string;
  id: string;
  targets: readonly string[];
}

function asArray(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? (value as string[]) : [value as string];
}

/**
 * Every id a document names in a reference field, a link (a meeting's participants) or a link's id-valued
 * property (the post a participant held), each with its JSON pointer.
 */
export function referencesOf(document: SourceDocument): ReferenceVisit[] {
  const visits: ReferenceVisit[] = [];
  for (const { spec, entry, path } of entriesOf(document)) {
    for (const ref of REFERENCE_FIELDS.filter((r) => r.section === spec.section)) {
      const value = entry[ref.field];
      asArray(value).forEach((id, k) => {
        visits.push({ path: `${path}/${ref.field}${Array.isArray(value) ? `/${k}` : ''}`, id, targets: ref.targets });
      });
    }
    for (const links of LINKS_FIELDS.filter((l) => l.section === spec.section)) {
      ((entry[links.field] ?? []) as Record<string, unknown>[]).forEach((item, j) => {
        const at = `${path}/${links.field}/${j}`;
        visits.push({ path: `${at}/${links.key}`, id: item[links.key] as string, targets: links.targets });
        for (const [property, targets] of Object.entries(links.refProperties)) {
          if (typeof item[property] === 'string') visits.push({ path: `${at}/${property}`, id: item[property] as string, targets });
        }
      });
    }
  }
  return visits;
}

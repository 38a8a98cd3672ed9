/** Fields of a source entry that are not its metadata: what names it, and how many times it was revised. */
const NOT_METADATA = new Set(['id', 'revision']);

/**
 * A source entry's metadata as one comparable text (its fields but id and revision, keys sorted), stored on the
 * Source so that a later document declaring the same source can be told apart from one changing it.
 */
export function sourceMetadataKey(entry: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(
    Object.fromEntries(
      Object.entries(entry)
        .filter(([key]) => !NOT_METADATA.has(key))
        .sort(([a], [b]) => a.localeCompare(b)),
    ),
  );
}

/** The fields two metadata keys give different values, in order: what a user must look at. */
export function differingMetadata(a: string, b: string): string[] {
  const [left, right] = [JSON.parse(a) as Record<string, unknown>, JSON.parse(b) as Record<string, unknown>];
  return [...new Set([...Object.keys(left), ...Object.keys(right)])]
    .filter((key) => JSON.stringify(left[key]) !== JSON.stringify(right[key]))
    .sort();
}

/** What validation needs to know of a source the graph holds, to tell a repeated declaration from a change. */
export interface SourceState {
  revision: number;
  /** Undefined for sources written before metadata was recorded: any declaration is taken as the same. */
  metadataKey: string | undefined;
  paragraphs: number;
}

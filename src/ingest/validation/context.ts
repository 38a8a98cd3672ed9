import type { Problem } from '../../domain/problem.js';
import type { EntityLabel } from '../../domain/registry/index.js';
import type { NamedDocument } from './entries.js';

/** What every rule sees: the documents that passed the JSON Schema, and where to report a problem. */
export interface DocumentContext {
  readonly documents: readonly NamedDocument[];
  report(problem: Problem): void;
}

/** What rules that check references see besides: the label of every id the batch declares or the graph holds. */
export interface ResolvedContext extends DocumentContext {
  readonly labels: ReadonlyMap<string, EntityLabel>;
  readonly declared: ReadonlyMap<string, { label: EntityLabel; file: string; path: string }>;
  /** The codes of each vocabulary: the registry's, the graph's and those the batch declares. */
  readonly terms: ReadonlyMap<string, ReadonlySet<string>>;
}

/** A rule over the documents alone; rules never stop at the first problem and never throw for bad input. */
export interface DocumentRule {
  readonly name: string;
  check(context: DocumentContext): void;
}

/** A rule that needs to know what every id names, in the batch or in the graph. */
export interface ResolvedRule {
  readonly name: string;
  check(context: ResolvedContext): void;
}

import { escapeHtml, highlight } from '../../domain/search-text.js';
import type { EntityModel, EvidenceModel } from '../../repositories/models.js';
import type { SearchKindCode, SearchRow } from '../../repositories/search.repository.js';

export interface SearchHitModel {
  entity: EntityModel;
  kind: SearchKindCode;
  field: string;
  fragment: string;
  score: number;
  evidence: EvidenceModel | null;
}

const PLAIN_FRAGMENT = 200;

/** The text a hit matched in: which field, and its words with the search's words marked. */
function matchedField(row: SearchRow, text: string): { field: string; fragment: string } {
  const candidates: [string, string][] =
    row.kind === 'PERSON'
      ? row.names.map((name, i) => [i === 0 ? 'name' : 'aliases', name])
      : row.kind === 'EVIDENCE'
        ? [['note', row.evidence?.note ?? '']]
        : [
            ['summary', row.summary ?? ''],
            ['topics', row.topics.join(', ')],
          ];
  for (const [field, value] of candidates) {
    const fragment = highlight(value, text);
    if (fragment) return { field, fragment };
  }
  // The index matched a form the words do not show (an accent, a stem): the text as it is, unmarked.
  const [field, value] = candidates[0] ?? ['name', ''];
  return { field, fragment: escapeHtml(value.length > PLAIN_FRAGMENT ? `${value.slice(0, PLAIN_FRAGMENT)}…` : value) };
}

export function presentSearchHits(rows: SearchRow[], text: string): SearchHitModel[] {
  return rows.map((row) => ({
    entity: row.entity,
    kind: row.kind,
    score: row.score,
    evidence: row.evidence,
    ...matchedField(row, text),
  }));
}

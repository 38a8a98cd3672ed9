import type { Db } from '../db/run-query.js';
import { type DraftOptions, draftDocument } from '../draft/draft-document.js';
import { stripDraft } from '../ingest/strip-draft.js';
import type { Problem } from '../ingest/validation/problem.js';
import { validateBatch } from '../ingest/validation/validate-batch.js';
import { readGazetteer } from '../repositories/gazetteer.repository.js';
import { graphLookup } from './ingest.service.js';

/**
 * Drafts a source document from a report's text against what the graph holds, and validates it as ingest would
 * (draft blocks stripped), so the analyst sees the proposal and what must be fixed before `npm run ingest`.
 */
export async function draftFromText(
  db: Db,
  text: string,
  options: DraftOptions,
): Promise<{ document: Record<string, unknown>; problems: Problem[] }> {
  const document = draftDocument(text, options, await readGazetteer(db));
  const checked = await validateBatch(
    [{ file: 'draft', value: stripDraft(document) }],
    graphLookup({ run: (cypher, params) => db.read(cypher, params) }),
  );
  return { document, problems: checked.problems };
}

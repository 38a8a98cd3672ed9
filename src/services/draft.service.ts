import type { Db } from '../db/run-query.js';
import { blockKeys } from '../domain/name-words.js';
import { type DraftOptions, draftDocument } from '../draft/draft-document.js';
import type { Gazetteer } from '../draft/mentions.js';
import { stripDraft } from '../ingest/strip-draft.js';
import type { Problem } from '../ingest/validation/problem.js';
import { validateBatch } from '../ingest/validation/validate-batch.js';
import { readGazetteer } from '../repositories/gazetteer.repository.js';
import { findNamesByBlockKeys } from '../repositories/resolution.repository.js';
import { blockPartners } from '../resolution/candidates.js';
import { graphLookup } from './ingest.service.js';

/**
 * The graph's people a report could name, as an ingest finds its newcomers' candidates: the people sharing
 * blocking keys with the text's capitalised words (at most PEOPLE_PER_BLOCK_KEY a key), kept when they share
 * enough of them (blockPartners), with the graph's countries and posts. Never the whole Person set.
 */
export async function gazetteerFor(db: Db, text: string): Promise<Gazetteer> {
  const keys = blockKeys(text.match(/\p{Lu}[\p{L}\p{M}]*/gu) ?? []);
  const named = await findNamesByBlockKeys({ run: (cypher, params) => db.read(cypher, params) }, keys);
  const report = { id: '', name: '', aliases: [], blockKeys: keys };
  const people = blockPartners([report], named).get('') ?? [];
  return readGazetteer(
    db,
    people.map((p) => p.id),
  );
}

/**
 * Drafts a source document from a report's text against what the graph holds, and validates it as ingest would
 * (draft blocks stripped), so the analyst sees the proposal and what must be fixed before `npm run ingest`.
 */
export async function draftFromText(
  db: Db,
  text: string,
  options: DraftOptions,
): Promise<{ document: Record<string, unknown>; problems: Problem[] }> {
  const document = draftDocument(text, options, await gazetteerFor(db, text));
  const checked = await validateBatch(
    [{ file: 'draft', value: stripDraft(document) }],
    graphLookup({ run: (cypher, params) => db.read(cypher, params) }),
  );
  return { document, problems: checked.problems };
}

import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Db } from '../db/run-query.js';
import type { Nlp } from '../nlp/nlp-server.js';
import { readPersonIds } from '../repositories/gazetteer.repository.js';
import { gazetteerFor } from './draft.service.js';
import { draftDocument } from './pipeline/draft-document.js';
import { addScores, type DraftScores, scoreDraft } from './pipeline/evaluate.js';
import { textForReading } from './pipeline/prepare.js';
import { readingProperties } from './pipeline/reading.js';

export interface ReportEvaluation {
  report: string;
  words: number;
  /** The NLP server's time for the report, and our pipeline's. */
  nlpMs: number;
  ms: number;
  scores: DraftScores;
}

/**
 * Drafts every REPORT.txt of a folder against the graph and scores it against the reviewed REPORT.json beside it;
 * a REPORT.meta.json gives the publication date and publisher the draft is told. Answers each report's scores and
 * their sum.
 */
export async function evaluateDrafts(db: Db, nlp: Nlp, dir: string): Promise<{ reports: ReportEvaluation[]; total: DraftScores }> {
  const graphIds = await readPersonIds(db);
  const reports: ReportEvaluation[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const stem = basename(file, '.txt');
    const text = readFileSync(join(dir, file), 'utf8');
    const meta = JSON.parse(readFileSync(join(dir, `${stem}.meta.json`), 'utf8')) as { published: string | null; publisher: string };
    // The graph's people as a served draft finds them; the time is the drafter's alone, in this thread.
    const gazetteer = await gazetteerFor(db, text);
    const read = textForReading(text);
    const asked = performance.now();
    const annotation = await nlp.annotate(read, meta.published, { properties: readingProperties(read) });
    const began = performance.now();
    const draft = draftDocument(text, annotation, { published: meta.published, publisher: meta.publisher }, gazetteer);
    const ms = performance.now() - began;
    const nlpMs = began - asked;
    const gold = JSON.parse(readFileSync(join(dir, `${stem}.json`), 'utf8'));
    reports.push({
      report: stem,
      words: text.split(/\s+/).filter(Boolean).length,
      nlpMs,
      ms,
      scores: scoreDraft(draft as never, gold, graphIds),
    });
  }
  return { reports, total: addScores(reports.map((r) => r.scores)) };
}

import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Db } from '../db/run-query.js';
import { draftDocument } from '../draft/draft-document.js';
import { addScores, type DraftScores, scoreDraft } from '../draft/evaluate.js';
import { readGazetteer } from '../repositories/gazetteer.repository.js';

export interface ReportEvaluation {
  report: string;
  words: number;
  ms: number;
  scores: DraftScores;
}

/**
 * Drafts every REPORT.txt of a folder against the graph and scores it against the reviewed REPORT.json beside it;
 * a REPORT.meta.json gives the publication date and publisher the draft is told. Answers each report's scores and
 * their sum.
 */
export async function evaluateDrafts(db: Db, dir: string): Promise<{ reports: ReportEvaluation[]; total: DraftScores }> {
  const gazetteer = await readGazetteer(db);
  const graphIds = new Set(gazetteer.people.map((p) => p.id));
  const reports = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const stem = basename(file, '.txt');
      const text = readFileSync(join(dir, file), 'utf8');
      const meta = JSON.parse(readFileSync(join(dir, `${stem}.meta.json`), 'utf8')) as { published: string | null; publisher: string };
      const began = performance.now();
      const draft = draftDocument(text, { published: meta.published, publisher: meta.publisher }, gazetteer);
      const ms = performance.now() - began;
      const gold = JSON.parse(readFileSync(join(dir, `${stem}.json`), 'utf8'));
      return { report: stem, words: text.split(/\s+/).filter(Boolean).length, ms, scores: scoreDraft(draft as never, gold, graphIds) };
    });
  return { reports, total: addScores(reports.map((r) => r.scores)) };
}

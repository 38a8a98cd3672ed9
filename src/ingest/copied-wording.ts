import { copiedRuns, fingerprint } from '../domain/copy-check.js';
import type { Problem } from '../domain/problem.js';

/** Fields of a document written in our own words: evidence notes, summaries, titles of visits. */
const OWN_WORDS = new Set(['note', 'summary', 'description']);

/**
 * Every note or summary of a document that repeats a run of eight words of the report it was written from, with
 * its path and the run: facts carry over from a report, its sentences do not.
 */
export function copiedWording(file: string, document: unknown, reportText: string): Problem[] {
  const hashes = fingerprint(reportText);
  const problems: Problem[] = [];
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) visit(item, `${path}/${i}`);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (typeof v === 'string' && OWN_WORDS.has(key)) {
          const runs = copiedRuns(v, hashes);
          if (runs.length > 0) {
            problems.push({
              file,
              path: `${path}/${key}`,
              message: `repeats the report's words "${runs[0]}"`,
              expected: 'the fact in our own words',
            });
          }
        } else visit(v, `${path}/${key}`);
      }
    }
  };
  visit(document, '');
  return problems;
}

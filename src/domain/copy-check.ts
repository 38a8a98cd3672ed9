import { createHash } from 'node:crypto';

/** Runs this long are treated as copied text: shorter ones recur by chance (names, titles, dates). */
export const RUN_LENGTH = 8;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}$.]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 0);
}

function hash(run: string): string {
  return createHash('sha256').update(run).digest('hex').slice(0, 16);
}

/** Hashes of every run of RUN_LENGTH words: lets us check for copying without keeping the source's text. */
export function fingerprint(text: string): string[] {
  const w = words(text);
  const runs = new Set<string>();
  for (let i = 0; i + RUN_LENGTH <= w.length; i++) runs.add(hash(w.slice(i, i + RUN_LENGTH).join(' ')));
  return [...runs].sort();
}

/** The runs of `text` whose hashes are in the fingerprint, i.e. wording taken over from the source. */
export function copiedRuns(text: string, sourceFingerprint: readonly string[]): string[] {
  const known = new Set(sourceFingerprint);
  const w = words(text);
  const copied: string[] = [];
  for (let i = 0; i + RUN_LENGTH <= w.length; i++) {
    const run = w.slice(i, i + RUN_LENGTH).join(' ');
    if (known.has(hash(run))) copied.push(run);
  }
  return copied;
}

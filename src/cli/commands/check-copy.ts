import { readFileSync } from 'node:fs';
import { formatProblems, type Problem } from '../../domain/problem.js';
import { copiedWording } from '../../ingest/copied-wording.js';
import { readDocumentFile } from '../../services/ingest.service.js';
import { defineCommand } from '../command.js';
import { log } from '../shared.js';

/**
 * The notes and summaries of the documents (JSON or YAML, read as ingest reads them) that repeat a run of the
 * report's words; a document that cannot be read is a problem too.
 */
export async function copiedWordingIn(files: string[], textFile: string): Promise<Problem[]> {
  const text = readFileSync(textFile, 'utf8');
  const read = await Promise.all(files.map(readDocumentFile));
  return read.flatMap((r) => ('path' in r ? [r] : copiedWording(r.file, r.value, text)));
}

export const checkCopyCommand = defineCommand({
  name: 'check-copy',
  summary: 'name every note or summary that repeats eight words of the report',
  usage: `Usage: npm run check-copy -- DOCUMENT --text REPORT.txt

  Names every note or summary of the document (JSON or YAML) that repeats eight words of the report, and exits 1
  if one does.

  --text REPORT.txt the report the document was written from`,
  options: { text: { type: 'string' } },
  async run({ positionals: [file], values }) {
    const textFile = values.text;
    if (!file || !textFile) {
      log('check-copy needs a DOCUMENT and --text REPORT.txt');
      return 2;
    }
    const problems = await copiedWordingIn([file], textFile);
    if (problems.length === 0) {
      log(`${file}: no note or summary repeats eight words of ${textFile}`);
      return 0;
    }
    log(formatProblems(problems));
    return 1;
  },
});

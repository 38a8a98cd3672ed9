import { writeFileSync } from 'node:fs';
import { textForReading } from '../../src/drafting/pipeline/prepare.js';
import { readingProperties } from '../../src/drafting/pipeline/reading.js';
import { nlpServer } from '../../src/nlp/nlp-server.js';
import { annotatedTexts, FIXTURE_FILE, fixtureKey, trimAnnotation } from './annotated-texts.js';

// `npm run nlp:fixtures`: annotates every text of ours the unit tests draft, on the real server, and stores the
// annotations (one line each) for the tests that run without one.
const log = (line: string) => process.stderr.write(`${line}\n`);
const nlp = nlpServer(log);
const lines: string[] = [];
for (const t of annotatedTexts()) {
  const read = textForReading(t.text);
  const annotation = await nlp.annotate(read, t.published, { properties: readingProperties(read) });
  lines.push(`${JSON.stringify(fixtureKey(t))}: ${JSON.stringify(trimAnnotation(annotation))}`);
}
writeFileSync(FIXTURE_FILE, `{\n${lines.join(',\n')}\n}\n`);
log(`stored ${lines.length} annotations in ${FIXTURE_FILE}`);

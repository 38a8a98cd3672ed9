import { describe, expect, it } from 'vitest';
import { textForReading } from '../../src/drafting/pipeline/prepare.js';
import { readingProperties } from '../../src/drafting/pipeline/reading.js';
import { ownReports, storedAnnotation, trimAnnotation } from '../helpers/annotated-texts.js';
import { testNlpServer } from '../helpers/nlp.js';

const nlp = testNlpServer();

describe('the stored annotations the unit tests draft from', () => {
  it.each(ownReports().map((r) => [r.stem, r] as const))('are what the real NLP server answers for %s today', async (_stem, report) => {
    const text = textForReading(report.text);
    const annotation = await nlp.annotate(text, report.published, { properties: readingProperties(text) });
    expect(trimAnnotation(annotation)).toEqual(storedAnnotation(report));
  });
});

import { createServer } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ErrorCode } from '../../src/errors.js';
import type { Annotation, EntityMention } from '../../src/nlp/annotation.js';
import { createNlp, type Nlp } from '../../src/nlp/nlp-server.js';
import { testNlp } from '../helpers/nlp.js';

// Invented people and places; published on Friday 9 September 2022, so "Wednesday" is the 7th.
const REPORT = 'Defence Minister Orla Brennock received General Tomas Vosk in Tarn on Wednesday. She thanked him for the visit.';
const PUBLISHED = '2022-09-09';

const mentions = (annotation: Annotation): EntityMention[] => annotation.sentences.flatMap((s) => s.entitymentions);

/** An NLP client for the server at `url`, as CORENLP_URL would name it. */
const nlpAt = (url: string) => createNlp({ ...loadConfig({ instance: 'test' }), nlp: { kind: 'external', url } });

/** A port on 127.0.0.1 that nothing listens on: bound, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('the NLP server (CoreNLP), annotating a report', () => {
  let nlp: Nlp;
  let annotation: Annotation;

  beforeAll(async () => {
    nlp = await testNlp();
    annotation = await nlp.annotate(REPORT, PUBLISHED);
  });

  it('finds each person with the character offsets of the name in the text', () => {
    const people = mentions(annotation).filter((m) => m.ner === 'PERSON' && /^[A-Z][a-z]+ [A-Z]/.test(m.text));
    expect(people.map((m) => [m.text, m.characterOffsetBegin, m.characterOffsetEnd])).toEqual([
      ['Orla Brennock', REPORT.indexOf('Orla Brennock'), REPORT.indexOf('Orla Brennock') + 'Orla Brennock'.length],
      ['Tomas Vosk', REPORT.indexOf('Tomas Vosk'), REPORT.indexOf('Tomas Vosk') + 'Tomas Vosk'.length],
    ]);
    expect(annotation.sentences).toHaveLength(2);
  });

  it('normalises a weekday against the publication date, and leaves it unresolved without one', async () => {
    const weekday = mentions(annotation).find((m) => m.text === 'Wednesday');
    expect(weekday).toMatchObject({ ner: 'DATE', normalizedNER: '2022-09-07' });
    expect(annotation.docDate).toBe('2022-09-09T12:00:00');

    const undated = await nlp.annotate(REPORT, null);
    expect(mentions(undated).find((m) => m.text === 'Wednesday')).toMatchObject({ ner: 'DATE', normalizedNER: 'XXXX-WXX-3' });
  });

  it('chains the pronoun of the second sentence to the minister named in the first', () => {
    const chain = Object.values(annotation.corefs).find((c) => c.some((m) => m.text === 'She'));
    expect(chain).toBeDefined();
    expect(chain!.find((m) => m.isRepresentativeMention)).toMatchObject({
      text: 'Defence Minister Orla Brennock',
      sentNum: 1,
      type: 'PROPER',
    });
    expect(chain!.find((m) => m.text === 'She')).toMatchObject({ sentNum: 2, startIndex: 1, type: 'PRONOMINAL' });
  });

  it('gives up past the time limit with NLP_TIMEOUT', async () => {
    await expect(nlp.annotate(REPORT, PUBLISHED, { timeoutMs: 1 })).rejects.toMatchObject({
      code: ErrorCode.NLP_TIMEOUT,
      extensions: { code: 'NLP_TIMEOUT', timeoutMs: 1 },
    });
  });

  it('names the HTTP status when the server answers with an error', async () => {
    const wrongPath = nlpAt(`${await nlp.url()}/no-such-path`);
    await expect(wrongPath.annotate(REPORT, PUBLISHED)).rejects.toMatchObject({
      code: ErrorCode.NLP_UNAVAILABLE,
      message: expect.stringContaining('answered HTTP 404'),
      extensions: { status: 404 },
    });
  });

  it('says NLP_UNAVAILABLE, and how to start or name a server, when nothing listens at CORENLP_URL', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const nowhere = nlpAt(url);
    const error = await nowhere.annotate(REPORT, PUBLISHED).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.NLP_UNAVAILABLE, message: expect.stringContaining(`No NLP server answers at ${url}`) });
    expect((error as Error).message).toMatch(/CORENLP_URL.*npm run nlp:start/);
  });
});

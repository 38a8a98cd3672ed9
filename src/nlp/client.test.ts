import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors.js';
import { annotateAt, annotationProperties, annotationUrl } from './client.js';

describe('an annotation request', () => {
  it("asks for the drafter's annotators in JSON, anchors SUTime at noon of the publication day, and passes the time limit", () => {
    expect(annotationProperties('2022-09-09', 60_000)).toEqual({
      annotators: 'tokenize,ssplit,pos,lemma,ner,depparse,coref',
      outputFormat: 'json',
      date: '2022-09-09T12:00:00',
      timeout: '60000',
    });
    expect(annotationProperties(null, 5000)).not.toHaveProperty('date');
  });

  it("sends the properties as JSON in the query of the server's root or URI context", () => {
    const url = new URL(annotationUrl('http://127.0.0.1:9000', '2022-09-09', 1000));
    expect(url.pathname).toBe('/');
    expect(JSON.parse(url.searchParams.get('properties')!)).toEqual(annotationProperties('2022-09-09', 1000));
    expect(new URL(annotationUrl('https://nlp.example/corenlp', null, 1000)).pathname).toBe('/corenlp');
  });

  it('refuses a publication date that is not YYYY-MM-DD before sending anything', async () => {
    const nowhere = { url: 'http://127.0.0.1:1', remedy: '' };
    await expect(annotateAt(nowhere, 'Text.', '9 September 2022')).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      extensions: { argument: 'published' },
    });
  });
});

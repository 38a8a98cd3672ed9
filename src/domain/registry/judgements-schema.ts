import { TEXT_CHARACTERS } from './document-schema.js';

/** The format tag of a judgements file, which export writes beside the documents and ingest applies again. */
export const JUDGEMENTS_FORMAT = 'officials-graph/judgements@1';

export const VERDICTS = ['SAME', 'DIFFERENT', 'UNSURE'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** How long who judged and the note may be, in a file and through the API alike, so that every export ingests again. */
export const JUDGEMENT_LIMITS = { by: 200, note: 2000, reasons: 50, reason: 500 } as const;

/**
 * The JSON Schema of a judgements file: verdicts on pairs of people, with who gave each, when and why. A file is a
 * log: every verdict is its own record, applied in `at` order, and a pair's latest record is its verdict. A SAME
 * carries the score and reasons of the candidate it settled, so that a graph rebuilt from exported documents, where
 * the two are one person already, shows that candidate again. Files written before score and reasons read as they are.
 * Who judged and the note hold the characters of a document's text: they go out beside the documents, and come back.
 */
export function judgementsJsonSchema(): Record<string, unknown> {
  const id = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,119}$' };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Judgements on match candidates',
    type: 'object',
    additionalProperties: false,
    required: ['format', 'judgements'],
    properties: {
      format: { const: JUDGEMENTS_FORMAT },
      judgements: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['a', 'b', 'verdict', 'by', 'at'],
          properties: {
            a: { ...id, description: 'The person kept when the verdict is SAME.' },
            b: id,
            verdict: { enum: [...VERDICTS] },
            by: { type: 'string', minLength: 1, maxLength: JUDGEMENT_LIMITS.by, ...TEXT_CHARACTERS },
            at: { type: 'string', format: 'date-time' },
            note: { type: ['string', 'null'], maxLength: JUDGEMENT_LIMITS.note, ...TEXT_CHARACTERS },
            score: { type: 'number', minimum: 0, maximum: 1, description: 'The score of the candidate a SAME settled.' },
            reasons: {
              type: 'array',
              maxItems: JUDGEMENT_LIMITS.reasons,
              items: { type: 'string', maxLength: JUDGEMENT_LIMITS.reason },
              description: 'The reasons of the candidate a SAME settled.',
            },
          },
        },
      },
    },
  };
}

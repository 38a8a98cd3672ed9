/** The format tag of a judgements file, which export writes beside the documents and ingest applies again. */
export const JUDGEMENTS_FORMAT = 'officials-graph/judgements@1';

export const VERDICTS = ['SAME', 'DIFFERENT', 'UNSURE'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** The JSON Schema of a judgements file: verdicts on pairs of people, with who gave each, when and why. */
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
            by: { type: 'string', minLength: 1, maxLength: 200 },
            at: { type: 'string', format: 'date-time' },
            note: { type: ['string', 'null'], maxLength: 2000 },
          },
        },
      },
    },
  };
}

import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/**/*.graphql',
  generates: {
    'src/__generated__/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        contextType: '../context.js#AppContext',
        scalars: { Date: 'string' },
        // What each repository returns for a GraphQL type: resolvers are type-checked against these shapes.
        mappers: {
          ...Object.fromEntries(
            [
              'PartialDate',
              'Source',
              'Evidence',
              'Person',
              'Country',
              'Place',
              'Organization',
              'Post',
              'Tenure',
              'Visit',
              'Meeting',
              'Statement',
              'Attendance',
              'Participant',
              'CountryRelation',
              'TradeFigure',
            ].map((type) => [type, `../repositories/models.js#${type}Model`]),
          ),
          ...Object.fromEntries(
            [
              'Counterpart',
              'Encounter',
              'TimelineEntry',
              'Connection',
              'Hop',
              'Term',
              'Vocabulary',
              'Topic',
              'MatchCandidate',
              'Judgement',
              'Attestation',
            ].map((type) => [type, `../repositories/models.js#${type}Model`]),
          ),
        },
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: true },
        maybeValue: 'T | null',
      },
    },
  },
};

export default config;

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
            ['PartialDate', 'Source', 'Evidence', 'Person', 'Country', 'Place', 'Organization', 'Post', 'Tenure', 'Visit', 'Meeting', 'Statement', 'Attendance', 'Participant', 'CountryRelation', 'TradeFigure'].map(
              (type) => [type, `../repositories/models.js#${type}Model`],
            ),
          ),
          Counterpart: '../repositories/relationship.repository.js#CounterpartModel',
          Encounter: '../repositories/relationship.repository.js#EncounterModel',
          TimelineEntry: '../repositories/relationship.repository.js#TimelineEntryModel',
          Connection: '../repositories/connection.repository.js#ConnectionModel',
          Hop: '../repositories/connection.repository.js#HopModel',
        },
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: true },
        maybeValue: 'T | null',
      },
    },
  },
};

export default config;

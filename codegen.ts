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
        mappers: Object.fromEntries(
          ['PartialDate', 'Source', 'Evidence', 'Person', 'Country', 'Place', 'Organization', 'Post', 'Tenure', 'Visit', 'Meeting', 'Statement', 'Attendance', 'Participant'].map(
            (type) => [type, `../repositories/models.js#${type}Model`],
          ),
        ),
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: true },
        maybeValue: 'T | null',
      },
    },
  },
};

export default config;

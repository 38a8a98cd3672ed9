import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { codegen } from '@graphql-codegen/core';
import * as typescript from '@graphql-codegen/typescript';
import * as typescriptResolvers from '@graphql-codegen/typescript-resolvers';
import { parse, printSchema } from 'graphql';
import { buildContractSchema } from './src/api/type-defs.js';
import { ENTITY_LABELS } from './src/domain/registry/index.js';
import { projectPath } from './src/project-root.js';

/**
 * Resolver types from the SDL of schema/, through graphql-codegen's core and its two plugins (the CLI's loaders
 * for remote schemas are not needed, and their dependencies need a newer Node than the project supports).
 */
const config = {
  useTypeImports: true,
  contextType: '../api/context.js#AppContext',
  scalars: { Date: 'string' },
  // What each repository returns for a GraphQL type: resolvers are type-checked against these shapes.
  mappers: {
    // An entity's own fields, typed from its label spec in the registry.
    ...Object.fromEntries(['Source', ...ENTITY_LABELS].map((label) => [label, `../repositories/models.js#ModelOf<'${label}'>`])),
    ...Object.fromEntries(
      ['PartialDate', 'Evidence', 'Attendance', 'Participant'].map((type) => [type, `../repositories/models.js#${type}Model`]),
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
};

const schema = buildContractSchema();
const file = projectPath('src', '__generated__', 'graphql.ts');
const output = await codegen({
  schema: parse(printSchema(schema)),
  schemaAst: schema,
  documents: [],
  filename: file,
  config,
  plugins: [{ typescript: {} }, { 'typescript-resolvers': {} }],
  pluginMap: { typescript, 'typescript-resolvers': typescriptResolvers },
});
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, output);

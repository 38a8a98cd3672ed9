import { writeFileSync } from 'node:fs';
import { documentJsonSchema, VOCABULARIES } from './domain/registry/index.js';
import { projectPath } from './project-root.js';

/**
 * The files `npm run codegen` writes from the registry, so that what other tools read never drifts from it: the
 * document JSON Schema, for editors, and the GraphQL enums that mirror vocabularies, with each term's description.
 * A test fails when a file on disk differs from what this produces.
 */

export const DOCUMENT_SCHEMA_FILE = projectPath('schema', 'source-document.schema.json');
export const VOCABULARY_SDL_FILE = projectPath('schema', 'vocabularies.graphql');

export function documentSchemaText(): string {
  return `${JSON.stringify(documentJsonSchema(), null, 2)}\n`;
}

const sdlString = (text: string) => `"""${text.replace(/"""/g, '\\"""')}"""`;

export function vocabularySdlText(): string {
  const enums = Object.values(VOCABULARIES).flatMap((vocabulary) =>
    'graphqlEnum' in vocabulary
      ? [
          [
            sdlString(vocabulary.description),
            `enum ${vocabulary.graphqlEnum} {`,
            ...vocabulary.terms.map((term) => `  ${sdlString(`${term.label}: ${term.description}`)}\n  ${term.code}`),
            '}',
          ].join('\n'),
        ]
      : [],
  );
  const header = '# Written by npm run codegen from src/domain/registry/vocabularies.ts; edit the registry, not this file.';
  return `${header}\n\n${enums.join('\n\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(DOCUMENT_SCHEMA_FILE, documentSchemaText());
  writeFileSync(VOCABULARY_SDL_FILE, vocabularySdlText());
}

import { writeFileSync } from 'node:fs';
import { documentJsonSchema } from './domain/registry/index.js';
import { projectPath } from './project-root.js';

/**
 * Writes schema/source-document.schema.json from the registry (`npm run codegen`), for editors and other tools,
 * so what they read never drifts from what the validator enforces; a test fails when the file on disk differs.
 */

export const DOCUMENT_SCHEMA_FILE = projectPath('schema', 'source-document.schema.json');

export function documentSchemaText(): string {
  return `${JSON.stringify(documentJsonSchema(), null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) writeFileSync(DOCUMENT_SCHEMA_FILE, documentSchemaText());

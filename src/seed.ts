import { readdirSync } from 'node:fs';
import { projectPath } from './project-root.js';

/** The seed documents shipped with the project, in name order. */
export function seedFiles(): string[] {
  const dir = `${projectPath('seed', 'documents')}/`;
  return readdirSync(dir)
    .filter((f) => /\.(json|ya?ml)$/.test(f))
    .sort()
    .map((f) => dir + f);
}

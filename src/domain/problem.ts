/** One thing wrong with a document: where (file and JSON pointer), what, and what was expected. */
export interface Problem {
  file: string;
  path: string;
  message: string;
  expected?: string;
}

/** Problems as lines a person reads: `file /path: message (expected …)`. */
export function formatProblems(problems: Problem[]): string {
  return problems
    .map((p) => `${p.file ? `${p.file} ` : ''}${p.path}: ${p.message}${p.expected ? ` (expected ${p.expected})` : ''}`)
    .join('\n');
}

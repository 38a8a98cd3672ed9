import type { Problem } from '../../../domain/problem.js';
import { type Evidence, LINKS_FIELDS, type SourceDocument } from '../../../domain/registry/index.js';
import type { DocumentRule } from '../context.js';
import { entriesOf } from '../entries.js';

function checkEvidence(file: string, document: SourceDocument, path: string, evidence: Evidence[], report: (p: Problem) => void): void {
  const sources = new Map(document.sources.map((s) => [s.id, s]));
  evidence.forEach((e, i) => {
    const at = `${path}/${i}`;
    if (e.source === undefined && document.sources.length > 1) {
      report({
        file,
        path: `${at}/source`,
        message: 'is missing, and the document has several sources',
        expected: `one of ${[...sources.keys()].join(', ')}`,
      });
      return;
    }
    const source = e.source === undefined ? document.sources[0] : sources.get(e.source);
    if (!source) {
      report({
        file,
        path: `${at}/source`,
        message: `names "${e.source}", which is not a source of this document`,
        expected: `one of ${[...sources.keys()].join(', ')}`,
      });
    } else if (e.paragraph > source.paragraphs) {
      report({
        file,
        path: `${at}/paragraph`,
        message: `is ${e.paragraph}, but source "${source.id}" has ${source.paragraphs} paragraphs`,
        expected: `0 to ${source.paragraphs}`,
      });
    }
  });
}

/** Evidence names a source of its document (which may be left out when there is one) and a paragraph it has. */
export const evidenceParagraphs: DocumentRule = {
  name: 'evidence-paragraphs',
  check({ documents, report }) {
    for (const { file, document } of documents) {
      for (const { spec, entry, path } of entriesOf(document)) {
        checkEvidence(file, document, `${path}/evidence`, entry.evidence ?? [], report);
        for (const links of LINKS_FIELDS.filter((l) => l.section === spec.section)) {
          ((entry[links.field] ?? []) as { evidence?: Evidence[] }[]).forEach((item, j) => {
            checkEvidence(file, document, `${path}/${links.field}/${j}/evidence`, item.evidence ?? [], report);
          });
        }
      }
    }
  },
};

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyGraphLookup } from '../ingest/validation/link-people.js';
import { validateBatch } from '../ingest/validation/validate-batch.js';
import { buildWritePlan } from '../ingest/write-plan.js';
import { seedFiles } from '../services/seed.service.js';
import { writeImportFiles } from './import-files.js';

const dir = mkdtempSync(join(tmpdir(), 'import-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function filesOf(documents: unknown[]) {
  const checked = await validateBatch(
    documents.map((value, i) => ({ file: `doc-${i}.json`, value })),
    emptyGraphLookup(async () => new Map()),
  );
  if (!('batch' in checked)) throw new Error(JSON.stringify(checked.problems));
  return writeImportFiles(buildWritePlan(checked.batch), [], join(dir, String(Math.random())));
}

describe('import files', () => {
  const seed = seedFiles().map((file) => JSON.parse(readFileSync(file, 'utf8')));

  it('lets the importer read in parallel when no value breaks a line, and not when one does', async () => {
    expect((await filesOf(seed)).multilineFields).toBe(false);
    const [first, ...rest] = seed;
    const person = first.people[0];
    const broken = {
      ...first,
      people: [{ ...person, evidence: [{ ...person.evidence[0], note: 'named in the report,\nwith a title' }] }, ...first.people.slice(1)],
    };
    const files = await filesOf([broken, ...rest]);
    expect(files.multilineFields).toBe(true);
    const evidence = readFileSync(
      files.args
        .find((a) => a.includes('Person-SUPPORTED_BY'))!
        .split('=')
        .at(-1)!,
      'utf8',
    );
    expect(evidence).toContain('"named in the report,\nwith a title"');
  });
});

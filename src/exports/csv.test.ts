import { describe, expect, it } from 'vitest';
import { toCsvFiles } from './csv.js';
import type { Network } from './network.js';

function peopleCsv(names: unknown[]): string[] {
  const network: Network = {
    nodes: names.map((name, i) => ({ id: `p${i}`, label: 'Person', caption: String(name), props: { name }, sources: ['s'] })),
    edges: [],
    sources: [],
  };
  return toCsvFiles(network).get('nodes-Person.csv')!.trim().split('\n').slice(1);
}

describe('CSV cells', () => {
  it('starts a text a spreadsheet would read as a formula with a quote', () => {
    expect(peopleCsv(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])).toEqual([
      "p0,'=1+1,s",
      "p1,'+1,s",
      "p2,'-1,s",
      "p3,'@SUM(A1),s",
      "p4,'\tx,s",
      `p5,"'\rx",s`,
    ]);
  });

  it('quotes after neutralising, and leaves other text and numbers as they are', () => {
    expect(peopleCsv(['=A1,"B"', 'Anna = Bob', -2.5])).toEqual([`p0,"'=A1,""B""",s`, 'p1,Anna = Bob,s', 'p2,-2.5,s']);
  });
});

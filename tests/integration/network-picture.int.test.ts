/// <reference lib="dom" />
import { existsSync, mkdirSync } from 'node:fs';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../src/project-root.js';
import { exportGraph } from '../../src/services/export.service.js';
import { useSeededGraph } from '../helpers/graph-fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const runnable = existsSync(CHROMIUM);
if (!runnable && process.env.REQUIRE_BROWSER_TESTS === '1') throw new Error(`Browser tests are required but ${CHROMIUM} is missing`);

const graph = useSeededGraph();

declare const cytoscape: (options: unknown) => { nodes(): { length: number }; edges(): { length: number } };

describe.skipIf(!runnable)("the seed's who-met-whom network, drawn from the GEXF export", () => {
  it('renders every person and every pair who met, with cytoscape in Chromium', async () => {
    const gexf = (await exportGraph(graph.t.db, 'gexf', { meetings: 'edges' })).files[0]!.body;
    const network = parseGexf(MultiDirectedGraph, gexf);
    const people = network.filterNodes((_node, a) => a.kind === 'Person');
    const met = network.filterEdges((_edge, a) => a.type === 'MET');
    const elements = [
      ...people.map((id) => ({ data: { id, label: network.getNodeAttribute(id, 'label') } })),
      ...met.map((edge) => ({
        data: { id: edge, source: network.source(edge), target: network.target(edge), weight: network.getEdgeAttribute(edge, 'weight') },
      })),
    ];
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage({ viewport: { width: 900, height: 560 } });
      await page.setContent(
        '<html><body style="margin:0;background:#fff"><div id="cy" style="width:900px;height:560px"></div></body></html>',
      );
      await page.addScriptTag({ path: projectPath('node_modules', 'cytoscape', 'dist', 'cytoscape.min.js') });
      const drawn = await page.evaluate((els) => {
        const cy = cytoscape({
          container: document.getElementById('cy'),
          elements: els,
          layout: { name: 'circle', padding: 70 },
          style: [
            {
              selector: 'node',
              style: {
                label: 'data(label)',
                'background-color': '#1F6FEB',
                color: '#111',
                'font-size': 15,
                'text-valign': 'bottom',
                'text-margin-y': 6,
                width: 34,
                height: 34,
              },
            },
            { selector: 'edge', style: { width: 'mapData(weight, 1, 3, 2, 8)', 'line-color': '#D7263D', 'curve-style': 'straight' } },
          ],
        });
        return { nodes: cy.nodes().length, edges: cy.edges().length };
      }, elements);
      expect(drawn).toEqual({ nodes: 6, edges: met.length });
      expect(met.length).toBe(3);
      mkdirSync(projectPath('tests', 'artifacts'), { recursive: true });
      await page.screenshot({ path: projectPath('tests', 'artifacts', 'network-seed.png') });
    } finally {
      await browser.close();
    }
  });
});

/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RunningApp, startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { INSTANCE_PORTS } from '../../src/local-neo4j/layout.js';
import { silentLogger } from '../../src/logger.js';
import { projectPath } from '../../src/project-root.js';
import { openTestDb, resetGraph } from '../helpers/test-db.js';

const CHROMIUM = '/usr/bin/chromium';
const neo4j = inject('neo4j');
// The style sheet and guide are applied on connect by the conf the project writes: only its own server has it.
const runnable = neo4j.origin === 'local' && existsSync(CHROMIUM);
if (!runnable && process.env.REQUIRE_BROWSER_TESTS === '1') {
  throw new Error(
    `Browser tests are required but cannot run: origin ${neo4j.origin}, ${CHROMIUM} ${existsSync(CHROMIUM) ? 'present' : 'missing'}`,
  );
}

const PERSON = 'rgb(31, 111, 235)';
const MEETING = 'rgb(215, 38, 61)';

let app: RunningApp;
let browser: Browser;
let page: Page;

describe.skipIf(!runnable)('Neo4j Browser', () => {
  beforeAll(async () => {
    const t = await openTestDb();
    await resetGraph(t.db);
    await t.close();
    const config = loadConfig({
      env: { NEO4J_URI: neo4j.uri, NEO4J_USERNAME: neo4j.username, NEO4J_PASSWORD: neo4j.password, PORT: '14000' },
    });
    app = await startApp(config, { logger: silentLogger, say: () => {} });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('connects, applies our style and guide on its own, and draws whom Bekirov met with our captions and colours', async () => {
    const { bolt, http } = INSTANCE_PORTS.test;
    await page.goto(`http://localhost:${http}/browser/?dbms=neo4j://neo4j@localhost:${bolt}&preselectAuthMethod=NATIVE`);
    await page.fill('[data-testid="password"]', neo4j.password);
    await page.click('[data-testid="connect"]');

    // The post-connect commands: the style sheet frame and the guide, fetched from the API.
    await page.getByText(':style http://localhost:14000/browser/style.grass').first().waitFor({ timeout: 20_000 });
    await page.getByText('Officials graph').first().waitFor({ timeout: 20_000 });

    await page.click('.monaco-editor');
    await page.keyboard.type(
      "MATCH (p:Person {id: 'person-subhan-bekirov'})-[a:ATTENDED]->(m:Meeting)<-[b:ATTENDED]-(other:Person) RETURN p, a, m, b, other",
    );
    await page.click('[data-testid="editor-Run"]');
    await page.waitForFunction(() => document.querySelectorAll('svg g.node').length === 5, undefined, { timeout: 20_000 });
    await page.waitForTimeout(1500);

    const nodes = await page.$$eval('svg g.node', (groups) =>
      groups.map((g) => ({
        caption: [...g.querySelectorAll('text')].map((t) => t.textContent?.trim()).join(' '),
        // A node is drawn as several circles (selection ring, outline); the filled one carries the label's colour.
        fill: [...g.querySelectorAll('circle')].map((c) => getComputedStyle(c).fill).find((f) => f !== 'none'),
      })),
    );
    expect(nodes.map((n) => n.caption).sort()).toEqual([
      'Bajwa, Bekirov',
      'Bekirov, Niazi',
      'Muhammad Amjad Khan Niazi',
      'Qamar Javed Bajwa',
      'Subhan Bekirov',
    ]);
    for (const node of nodes) expect(node.fill).toBe(node.caption.includes(',') ? MEETING : PERSON);
    const relationshipCaptions = await page.$$eval('svg g.relationship text', (texts) => texts.map((t) => t.textContent));
    expect(relationshipCaptions).toContain('HOST');

    mkdirSync(projectPath('tests', 'artifacts'), { recursive: true });
    await page.screenshot({ path: projectPath('tests', 'artifacts', 'browser-bekirov.png') });
  });
});

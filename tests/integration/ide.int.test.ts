/// <reference lib="dom" />
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpHandler } from '../../src/api/http.js';
import { IDE_EXAMPLES } from '../../src/api/ide/examples.js';
import { silentLogger } from '../../src/logger.js';
import { projectPath } from '../../src/project-root.js';
import { createTestServer } from '../helpers/execute.js';
import { useSeededGraph } from '../helpers/graph-fixtures.js';
import { testNlpServer } from '../helpers/nlp.js';

const CHROMIUM = '/usr/bin/chromium';
const runnable = existsSync(CHROMIUM);
if (!runnable && process.env.REQUIRE_BROWSER_TESTS === '1') throw new Error(`Browser tests are required but ${CHROMIUM} is missing`);

const graph = useSeededGraph();

describe.skipIf(!runnable)('the GraphQL IDE', () => {
  let server: Server;
  let url: string;
  let browser: Browser;
  const apollo = createTestServer();

  beforeAll(async () => {
    await apollo.start();
    const handler = createHttpHandler(apollo, {
      nlp: testNlpServer(),
      db: graph.t.db,
      apiKey: undefined,
      browserUrl: 'http://localhost:7474/browser/',
      logger: silentLogger,
      ide: true,
    });
    server = createHttpServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  });

  afterAll(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await apollo.stop();
  });

  it('loads with nothing but localhost, runs every example tab and shows the answers', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const blocked: string[] = [];
    await page.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      if (host === '127.0.0.1' || host === 'localhost') return route.continue();
      blocked.push(route.request().url());
      return route.abort();
    });
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));

    await page.goto(`${url}/graphql`);
    await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
    const tabs = page.locator('.graphiql-tab');
    await expect.poll(() => tabs.count()).toBe(IDE_EXAMPLES.length);

    for (let i = IDE_EXAMPLES.length - 1; i >= 0; i--) {
      await tabs.nth(i).locator('.graphiql-tab-button').click();
      const answered = page.waitForResponse(
        (r) =>
          (r.url().endsWith('/graphql') &&
            r.request().method() === 'POST' &&
            !!r.request().postData()?.includes(IDE_EXAMPLES[i]!.title.split(' ')[0]!)) ||
          r.url().endsWith('/graphql'),
      );
      await page.locator('.graphiql-execute-button').click();
      const response = await answered;
      const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
      expect(body.errors, `${IDE_EXAMPLES[i]!.title}: ${JSON.stringify(body.errors)}`).toBeUndefined();
      expect(body.data, IDE_EXAMPLES[i]!.title).toBeTruthy();
    }
    // The first tab, Bekirov's counterparts, is on screen last: its answer names the admiral he met.
    await expect.poll(() => page.locator('.graphiql-response').textContent(), { timeout: 10_000 }).toContain('Muhammad Amjad Khan Niazi');
    expect(failures).toEqual([]);
    expect(blocked).toEqual([]);

    mkdirSync(projectPath('tests', 'artifacts'), { recursive: true });
    const shot = projectPath('tests', 'artifacts', 'graphql-ide.png');
    await page.screenshot({ path: shot });
    if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') copyFileSync(shot, projectPath('docs', 'graphql-ide.png'));
  }, 120_000);
});

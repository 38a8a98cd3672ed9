import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { IDE_EXAMPLES } from './examples.js';

const require = createRequire(import.meta.url);

/**
 * GraphiQL's and React's prebuilt bundles from node_modules, served by the API itself: the IDE works on a machine
 * without internet (Apollo's landing page loads its IDE from a CDN). Fonts are inlined in the style sheet.
 */
const ASSETS: Record<string, { packageName: string; file: string; type: string }> = {
  'react.js': { packageName: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { packageName: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { packageName: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { packageName: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

const TABS = IDE_EXAMPLES.map((e) => ({ query: e.query, variables: e.variables ? JSON.stringify(e.variables, null, 2) : undefined }));

/** The page's own script: the fetcher for this API and the example tabs. A file, so the page needs no inline script. */
const START_SCRIPT = `
const tabs = ${JSON.stringify(TABS)};
const fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', window.location.href).href });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultTabs: tabs, defaultEditorToolsVisibility: true, shouldPersistHeaders: false }),
);
`;

export const IDE_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Officials graph · GraphQL</title>
<link rel="stylesheet" href="/ide/graphiql.css">
<style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
<div id="graphiql">Loading the GraphQL IDE…</div>
<script src="/ide/react.js"></script>
<script src="/ide/react-dom.js"></script>
<script src="/ide/graphiql.js"></script>
<script src="/ide/start.js"></script>
</body>
</html>
`;

/**
 * Only what the page needs: scripts and styles from this server, inline styles (GraphiQL sets them), fonts as
 * data: URLs, requests to this API. No other page may frame it (a framed IDE could be clicked through unseen), and
 * it sets no base URL and submits no form.
 */
export const IDE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  'font-src data:',
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const cache = new Map<string, Buffer>();

/** An IDE asset by its file name, or undefined when there is none of that name. */
export async function ideAsset(name: string): Promise<{ body: Buffer; type: string } | undefined> {
  if (name === 'start.js') return { body: Buffer.from(START_SCRIPT), type: 'text/javascript' };
  const asset = ASSETS[name];
  if (!asset) return undefined;
  let body = cache.get(name);
  if (!body) {
    // Found beside the package's manifest: the bundles are files of the package, not modules its exports name.
    body = await readFile(join(dirname(require.resolve(`${asset.packageName}/package.json`)), asset.file));
    cache.set(name, body);
  }
  return { body, type: asset.type };
}

import { join } from 'node:path';
import { type JvmLayout, jvmLayout } from '../local-jvm/jvm-layout.js';
import { projectPath } from '../project-root.js';

/** Neo4j 5.26 is the LTS line that still runs on Java 17 and whose Browser is published to Maven Central. */
export const NEO4J_VERSION = '5.26.30';
export const BROWSER_VERSION = '5.24.0';

export type InstanceName = 'local' | 'test' | 'bench' | 'scratch';

/** The app's server keeps Neo4j's usual ports; the tests' server has its own, so `npm test` never touches what `npm start` keeps. */
export const INSTANCE_PORTS: Record<InstanceName, { bolt: number; http: number }> = {
  local: { bolt: 7687, http: 7474 },
  test: { bolt: 17687, http: 17474 },
  bench: { bolt: 27687, http: 27474 },
  // A server tests may stop and replace the store of (the bulk import), beside the one the other tests share.
  scratch: { bolt: 37687, http: 37474 },
};

/** Where each instance's Browser fetches the style sheet and guide: the API that goes with it. */
/**
 * Memory per instance. The everyday instances stay near 800 MB; the benchmark's holds the 1M-meeting world, whose
 * store (about 2 GB) should sit in the page cache so that latency measures queries, not disk reads.
 */
export const INSTANCE_MEMORY: Record<InstanceName, { heap: string; pagecache: string; transactionMax: string }> = {
  local: { heap: '1g', pagecache: '512m', transactionMax: '256m' },
  test: { heap: '1g', pagecache: '512m', transactionMax: '256m' },
  bench: { heap: '2g', pagecache: '3g', transactionMax: '1g' },
  scratch: { heap: '512m', pagecache: '256m', transactionMax: '256m' },
};

export const BROWSER_ASSETS_URL: Record<InstanceName, string> = {
  local: 'http://localhost:4000/browser',
  test: 'http://localhost:14000/browser',
  bench: 'http://localhost:24000/browser',
  scratch: 'http://localhost:34000/browser',
};

export interface InstanceLayout extends JvmLayout {
  name: InstanceName;
  confDir: string;
  dataDir: string;
  logsDir: string;
  passwordFile: string;
  ports: { bolt: number; http: number };
}

/** Folders of one local instance under `<project>/.neo4j` (git-ignored). */
export function instanceLayout(name: InstanceName, root = projectPath('.neo4j'), ports = INSTANCE_PORTS[name]): InstanceLayout {
  const layout = jvmLayout(root, `neo4j-${NEO4J_VERSION}`, name, 'neo4j.pid');
  return {
    ...layout,
    name,
    confDir: join(layout.home, 'conf'),
    dataDir: join(layout.home, 'data'),
    logsDir: join(layout.home, 'logs'),
    passwordFile: join(layout.home, 'password'),
    ports,
  };
}

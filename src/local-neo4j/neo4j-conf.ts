import { renderCopyDependenciesPom } from '../local-jvm/maven.js';
import { BROWSER_VERSION, INSTANCE_MEMORY, type InstanceLayout, NEO4J_VERSION } from './layout.js';

/**
 * neo4j.conf for a local instance. Every key here was checked against `SHOW SETTINGS` of the pinned
 * version (the internal one against its jars): Neo4j aborts start-up on an unknown key.
 */
export function renderNeo4jConf(layout: InstanceLayout, options: { browserAssetsUrl?: string } = {}): string {
  const assets = options.browserAssetsUrl;
  const memory = INSTANCE_MEMORY[layout.name];
  const settings: Record<string, string> = {
    'server.default_listen_address': '127.0.0.1',
    'server.bolt.enabled': 'true',
    'server.bolt.listen_address': `127.0.0.1:${layout.ports.bolt}`,
    'server.http.enabled': 'true',
    'server.http.listen_address': `127.0.0.1:${layout.ports.http}`,
    'server.https.enabled': 'false',
    'server.directories.data': layout.dataDir,
    'server.directories.logs': layout.logsDir,
    'server.directories.run': layout.runDir,
    'dbms.security.auth_enabled': 'true',
    'server.memory.heap.initial_size': '512m',
    'server.memory.heap.max_size': memory.heap,
    'server.memory.pagecache.size': memory.pagecache,
    'dbms.memory.transaction.total.max': memory.transactionMax,
    // The machine has no route to Neo4j's usage endpoint; the attempt only adds noise to the log.
    'dbms.usage_report.enabled': 'false',
    // Preallocated transaction logs cost 250 MB of disk per database before the first write.
    'db.tx_log.preallocate': 'false',
    // On stop the Bolt server waits this long for its thread pool after the databases have already closed, so there
    // is nothing left to wait for: 5 s by default, every stop and restart. An internal key, known to the pinned version.
    'internal.server.bolt.thread_pool_shutdown_wait_time': '1s',
    // Browser's usage reporting: no route out from here, and its consent banner would cover the view.
    'client.allow_telemetry': 'false',
    // On connect, Neo4j Browser applies the project's style sheet and opens its guide, both served by the API.
    ...(assets
      ? {
          'browser.post_connect_cmd': `style ${assets}/style.grass; play ${assets}/guide.html`,
          'browser.remote_content_hostname_whitelist': 'localhost,127.0.0.1',
        }
      : {}),
  };
  return Object.entries(settings)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n')
    .concat('\n');
}

/** A POM whose only job is to let `mvn dependency:copy-dependencies` gather the server and Browser jars. */
export function renderProvisionPom(): string {
  return renderCopyDependenciesPom('neo4j-server-jars', [
    `<groupId>org.neo4j</groupId><artifactId>neo4j</artifactId><version>${NEO4J_VERSION}</version>`,
    `<groupId>org.neo4j.client</groupId><artifactId>neo4j-browser</artifactId><version>${BROWSER_VERSION}</version>`,
  ]);
}

/** JVM arguments of a direct (no bootloader fork) server start; the --add-opens are required on Java 17. */
export function serverJvmArgs(layout: InstanceLayout): string[] {
  return [
    '-Xms512m',
    `-Xmx${INSTANCE_MEMORY[layout.name].heap}`,
    '-XX:+UseG1GC',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+UnlockExperimentalVMOptions',
    '-XX:+TrustFinalNonStaticFields',
    '-XX:+DisableExplicitGC',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--enable-native-access=ALL-UNNAMED',
    '-Dlog4j2.disable.jmx=true',
    '-Dfile.encoding=UTF-8',
    '-cp',
    `${layout.libDir}/*`,
    'org.neo4j.server.CommunityEntryPoint',
    `--home-dir=${layout.home}`,
    `--config-dir=${layout.confDir}`,
    '--console-mode',
  ];
}

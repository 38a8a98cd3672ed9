import { describe, expect, it } from 'vitest';
import { INSTANCE_PORTS, instanceLayout, NEO4J_VERSION } from './layout.js';
import { renderNeo4jConf, renderProvisionPom, serverJvmArgs } from './neo4j-conf.js';

const layout = instanceLayout('test', '/srv/og/.neo4j');

describe('local Neo4j files', () => {
  it('gives the test instance its own ports and folders', () => {
    expect(INSTANCE_PORTS.test).not.toEqual(INSTANCE_PORTS.local);
    expect(layout.home).toBe('/srv/og/.neo4j/instances/test');
    expect(layout.libDir).toBe(`/srv/og/.neo4j/dist/neo4j-${NEO4J_VERSION}/lib`);
  });

  it('listens on loopback only, with persistent data under the instance', () => {
    const conf = renderNeo4jConf(layout);
    expect(conf).toContain('server.default_listen_address=127.0.0.1\n');
    expect(conf).toContain('server.bolt.listen_address=127.0.0.1:17687\n');
    expect(conf).toContain('server.http.listen_address=127.0.0.1:17474\n');
    expect(conf).toContain('server.directories.data=/srv/og/.neo4j/instances/test/data\n');
    expect(conf).toContain('dbms.security.auth_enabled=true\n');
    expect(conf).toContain('internal.server.bolt.thread_pool_shutdown_wait_time=1s\n');
    expect(
      conf
        .split('\n')
        .filter((l) => l.includes('='))
        .every((l) => /^[a-z_.]+=\S+$/.test(l)),
    ).toBe(true);
  });

  it('has the Browser fetch the style sheet and guide from the API on connect, and keeps its telemetry off', () => {
    const conf = renderNeo4jConf(layout, { browserAssetsUrl: 'http://localhost:14000/browser' });
    expect(conf).toContain(
      'browser.post_connect_cmd=style http://localhost:14000/browser/style.grass; play http://localhost:14000/browser/guide.html\n',
    );
    expect(conf).toContain('browser.remote_content_hostname_whitelist=localhost,127.0.0.1\n');
    expect(conf).toContain('client.allow_telemetry=false\n');
    expect(renderNeo4jConf(layout)).not.toContain('browser.post_connect_cmd');
  });

  it('asks Maven for the server and the Browser at pinned versions', () => {
    const pom = renderProvisionPom();
    expect(pom).toContain(`<artifactId>neo4j</artifactId><version>${NEO4J_VERSION}</version>`);
    expect(pom).toContain('<artifactId>neo4j-browser</artifactId>');
    expect(pom).toContain('<artifactId>maven-dependency-plugin</artifactId>');
  });

  it('starts the server JVM directly with the opens Java 17 needs and the lib folder on the class path', () => {
    const args = serverJvmArgs(layout);
    expect(args).toContain('--add-opens=java.base/java.nio=ALL-UNNAMED');
    expect(args).toContain('org.neo4j.server.CommunityEntryPoint');
    expect(args[args.indexOf('-cp') + 1]).toBe(`${layout.libDir}/*`);
    expect(args).toContain(`--home-dir=${layout.home}`);
  });
});

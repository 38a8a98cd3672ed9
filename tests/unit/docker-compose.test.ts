import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderCoreNlpPom, serverJvmArgs } from '../../src/local-nlp/corenlp-args.js';
import { nlpLayout } from '../../src/local-nlp/layout.js';
import { DRAFT_ANNOTATORS } from '../../src/nlp/annotation.js';
import { projectPath } from '../../src/project-root.js';

interface Service {
  image?: string;
  build?: string;
  environment: Record<string, string>;
  ports: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(projectPath('docker-compose.yml'), 'utf8')) as {
    services: Record<string, Service>;
    volumes: Record<string, unknown>;
  };
  const { neo4j, corenlp, api } = compose.services;

  it('runs the official Neo4j 5.26 community image with a health check and a named volume', () => {
    expect(neo4j!.image).toBe('neo4j:5.26-community');
    expect(neo4j!.healthcheck!.test.join(' ')).toContain('http://localhost:7474/');
    expect(neo4j!.volumes).toEqual(['neo4j-data:/data']);
    expect(compose.volumes).toHaveProperty('neo4j-data');
    expect(neo4j!.ports).toEqual(['127.0.0.1:7474:7474', '127.0.0.1:7687:7687']);
    expect(neo4j!.environment.NEO4J_AUTH).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD:\?/);
  });

  it('styles Neo4j Browser on connect from the API, the same way as the local server', () => {
    expect(neo4j!.environment.NEO4J_browser_post__connect__cmd).toBe(
      'style http://localhost:4000/browser/style.grass; play http://localhost:4000/browser/guide.html',
    );
    expect(neo4j!.environment.NEO4J_browser_remote__content__hostname__whitelist).toContain('localhost');
  });

  it('builds the API, which waits for a healthy Neo4j and reaches it and the NLP server by service name', () => {
    expect(api!.build).toBe('.');
    expect(api!.depends_on).toEqual({ neo4j: { condition: 'service_healthy' }, corenlp: { condition: 'service_started' } });
    expect(api!.environment).toMatchObject({
      CORENLP_URL: 'http://corenlp:9000',
      NEO4J_URI: 'bolt://neo4j:7687',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: compose's own variable syntax, kept literally in the file
      NEO4J_PASSWORD: '${NEO4J_PASSWORD}',
      HOST: '0.0.0.0',
      PORT: '4000',
    });
    expect(api!.ports).toEqual(['127.0.0.1:4000:4000']);
    expect(api!.healthcheck!.test.join(' ')).toContain('/ready');
  });

  it('has a Dockerfile that builds and starts what npm start runs', () => {
    const dockerfile = readFileSync(projectPath('Dockerfile'), 'utf8');
    expect(dockerfile).toContain('RUN npm ci');
    expect(dockerfile).toContain('npm run build');
    expect(dockerfile).toContain('CMD ["node", "dist/src/index.js"]');
    for (const folder of ['schema', 'seed', 'browser', 'dist'])
      expect(dockerfile).toContain(`COPY --from=build /app/${folder} ./${folder}`);
  });

  it('builds the NLP server from the POM the local provisioning renders, run with the same server options', () => {
    expect(corenlp!.build).toBe('docker/corenlp');
    expect(corenlp!.ports).toEqual(['127.0.0.1:9000:9000']);
    expect(readFileSync(projectPath('docker/corenlp/pom.xml'), 'utf8')).toBe(renderCoreNlpPom());
    const dockerfile = readFileSync(projectPath('docker/corenlp/Dockerfile'), 'utf8').replace(/\\\n\s*/g, '');
    const cmd = JSON.parse(/^CMD (\[[^\]]*\])/m.exec(dockerfile)![1]!) as string[];
    const local = serverJvmArgs(nlpLayout('local'), { heap: '3g', threads: 2, preload: DRAFT_ANNOTATORS });
    const serverOptions = (args: string[]) => args.slice(args.indexOf('edu.stanford.nlp.pipeline.StanfordCoreNLPServer'));
    // In the container its processors decide the threads, as CoreNLP does by default.
    expect(serverOptions(cmd)).toEqual(serverOptions(local).filter((_, i, all) => all[i] !== '-threads' && all[i - 1] !== '-threads'));
    expect(cmd).toEqual(expect.arrayContaining(['-mx3g', '-XX:+ExitOnOutOfMemoryError', '-cp', '/opt/corenlp/lib/*']));
  });
});

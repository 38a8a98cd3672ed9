import { describe, expect, it } from 'vitest';
import { MAVEN_DEPENDENCY_PLUGIN_VERSION, mavenErrorLines, renderCopyDependenciesPom } from './maven.js';

const ESC = String.fromCharCode(27);

describe('Maven provisioning', () => {
  it('writes a POM of the given dependencies with the pinned copy-dependencies plugin', () => {
    const pom = renderCopyDependenciesPom('server-jars', [
      '<groupId>org.example</groupId><artifactId>server</artifactId><version>1.2</version>',
      '<groupId>org.example</groupId><artifactId>server</artifactId><version>1.2</version><classifier>models</classifier>',
    ]);
    expect(pom).toContain('  <artifactId>server-jars</artifactId>\n');
    expect(pom).toContain(
      '  <dependencies>\n' +
        '    <dependency><groupId>org.example</groupId><artifactId>server</artifactId><version>1.2</version></dependency>\n' +
        '    <dependency><groupId>org.example</groupId><artifactId>server</artifactId><version>1.2</version>' +
        '<classifier>models</classifier></dependency>\n' +
        '  </dependencies>\n',
    );
    expect(pom).toContain(
      `<artifactId>maven-dependency-plugin</artifactId>\n        <version>${MAVEN_DEPENDENCY_PLUGIN_VERSION}</version>`,
    );
  });

  it("quotes Maven's first three error lines without colours, bare [ERROR] lines or its advice on -X", () => {
    const output = [
      `${ESC}[1;34m[INFO]${ESC}[m Scanning for projects...`,
      `${ESC}[1;31m[ERROR]${ESC}[m Failed to execute goal on project server-jars: Could not resolve dependencies`,
      `${ESC}[1;31m[ERROR]${ESC}[m `,
      `${ESC}[1;31m[ERROR]${ESC}[m Re-run Maven using the -X switch to enable full debug logging.`,
      '[ERROR] Could not transfer artifact org.example:server:jar:1.2',
      '[ERROR] Network is unreachable',
      '[ERROR] A fourth line',
    ].join('\n');
    expect(mavenErrorLines(output)).toBe(
      '[ERROR] Failed to execute goal on project server-jars: Could not resolve dependencies\n' +
        '[ERROR] Could not transfer artifact org.example:server:jar:1.2\n' +
        '[ERROR] Network is unreachable',
    );
    expect(mavenErrorLines('[INFO] BUILD FAILURE')).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { assertJava17, javaMajorVersion } from './java.js';
import type { JvmServer } from './jvm-server.js';

class ServerError extends Error {}

const SERVER: JvmServer = {
  name: 'the server',
  fullName: 'the server (Example)',
  download: 'Example from Maven Central into .example/',
  otherwise: 'or set EXAMPLE_URL to a server of your own',
  otherwiseBriefly: 'or set EXAMPLE_URL',
  error: (message) => new ServerError(message),
};

describe('Java for a local server', () => {
  it('reads the major version from `java -version`, old and new numbering alike', () => {
    expect(javaMajorVersion('java version "1.8.0_392"\nJava(TM) SE Runtime Environment')).toBe(8);
    expect(javaMajorVersion('openjdk version "17.0.9" 2023-10-17')).toBe(17);
    expect(javaMajorVersion('openjdk version "21" 2023-09-19')).toBe(21);
    expect(javaMajorVersion('no version here')).toBeUndefined();
  });

  it("throws the product's own error, naming the server and its way out, when java cannot run", async () => {
    const missing = '/nonexistent/jdk/bin/java';
    const error = await assertJava17(SERVER, missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as Error).message).toBe(
      `Java 17 or newer is needed to run the server (Example), and "${missing}" could not be run. ` +
        'Install a JDK 17+ (Debian: apt-get install -y openjdk-17-jre-headless) or set EXAMPLE_URL to a server of your own.',
    );
  });
});

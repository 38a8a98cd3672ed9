import { describe, expect, it } from 'vitest';
import { jvmLayout } from './jvm-layout.js';

describe('the folders of a local JVM server', () => {
  it('keeps the jars under dist/, shared by every instance, and each instance under instances/', () => {
    expect(jvmLayout('/srv/og/.server', 'server-1.2', 'test', 'server.pid')).toEqual({
      distDir: '/srv/og/.server/dist/server-1.2',
      libDir: '/srv/og/.server/dist/server-1.2/lib',
      home: '/srv/og/.server/instances/test',
      runDir: '/srv/og/.server/instances/test/run',
      pidFile: '/srv/og/.server/instances/test/run/server.pid',
      consoleLog: '/srv/og/.server/instances/test/logs/console.log',
    });
    expect(jvmLayout('/srv/og/.server', 'server-1.2', 'local', 'server.pid').libDir).toBe('/srv/og/.server/dist/server-1.2/lib');
  });
});

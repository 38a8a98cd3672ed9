import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors.js';
import { Availability } from './availability.js';

const never = () => new Promise<never>(() => {});

describe('Availability', () => {
  it('lets statements through until one finds the database unreachable', async () => {
    const availability = new Availability(never, 50);
    await availability.admit();
    expect(availability.isDown).toBe(false);
    availability.markDown();
    expect(availability.isDown).toBe(true);
  });

  it('fails within the budget while the probe hangs, sharing one probe among waiting requests', async () => {
    let probes = 0;
    const availability = new Availability(() => {
      probes += 1;
      return never();
    }, 50);
    availability.markDown();
    const began = performance.now();
    const outcomes = await Promise.allSettled([availability.admit(), availability.admit(), availability.admit()]);
    expect(performance.now() - began).toBeLessThan(1_000);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect((outcomes[0] as PromiseRejectedResult).reason).toMatchObject({ code: ErrorCode.DATABASE_UNAVAILABLE });
    expect(probes).toBe(1);
  });

  it('opens again when a probe answers', async () => {
    let answer = false;
    const availability = new Availability(() => (answer ? Promise.resolve() : Promise.reject(new Error('down'))), 50);
    availability.markDown();
    await expect(availability.admit()).rejects.toMatchObject({ code: ErrorCode.DATABASE_UNAVAILABLE });
    answer = true;
    await availability.admit();
    expect(availability.isDown).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../errors.js';
import { Availability, databaseUnavailable } from './availability.js';

const never = () => new Promise<never>(() => {});

describe('Availability', () => {
  it('lets statements through until one fails as unavailable', async () => {
    const availability = new Availability(never, 50);
    await availability.admit();
    availability.observe(new AppError(ErrorCode.BAD_USER_INPUT, 'not about the database'));
    expect(availability.isDown).toBe(false);
    availability.observe(databaseUnavailable());
    expect(availability.isDown).toBe(true);
  });

  it('fails within the budget while the probe hangs, sharing one probe among waiting requests', async () => {
    let probes = 0;
    const availability = new Availability(() => {
      probes += 1;
      return never();
    }, 50);
    availability.observe(databaseUnavailable());
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
    availability.observe(databaseUnavailable());
    await expect(availability.admit()).rejects.toMatchObject({ code: ErrorCode.DATABASE_UNAVAILABLE });
    answer = true;
    await availability.admit();
    expect(availability.isDown).toBe(false);
  });
});

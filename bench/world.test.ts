import { describe, expect, it } from 'vitest';
import { validateBatch } from '../src/ingest/validation/validate-batch.js';
import { generateWorld, NO_GRAPH } from './world.js';

describe('generateWorld', () => {
  const world = generateWorld('tiny');

  it('is deterministic for a seed and differs across seeds', () => {
    expect(JSON.stringify(generateWorld('tiny'))).toBe(JSON.stringify(world));
    expect(JSON.stringify(generateWorld('tiny', { seed: 7 }))).not.toBe(JSON.stringify(world));
  });

  it('has the size asked for, in documents the project accepts as one batch', async () => {
    expect(world.flatMap((d) => d.people ?? [])).toHaveLength(200);
    expect(world.flatMap((d) => d.meetings ?? [])).toHaveLength(1_000);
    const result = await validateBatch(
      world.map((value, i) => ({ file: `world-${i}`, value })),
      NO_GRAPH,
    );
    expect(result.problems).toEqual([]);
  });

  it('gives meetings 2 to 12 participants and a heavy tail of attendance', () => {
    const meetings = world.flatMap((d) => d.meetings ?? []);
    const sizes = meetings.map((m) => m.participants.length);
    expect(Math.min(...sizes)).toBe(2);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(12);
    const attendance = new Map<string, number>();
    for (const m of meetings) for (const p of m.participants) attendance.set(p.person, (attendance.get(p.person) ?? 0) + 1);
    const counts = [...attendance.values()].sort((a, b) => b - a);
    const top10 = counts.slice(0, 10).reduce((a, b) => a + b, 0);
    const all = counts.reduce((a, b) => a + b, 0);
    expect(top10 / all).toBeGreaterThan(0.15);
  });
});

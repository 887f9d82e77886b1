import { describe, expect, it } from 'vitest';
import { niceTicks } from './LineChart';

describe('nice chart ticks', () => {
  it('steps 1-2-5 and always reach the maximum', () => {
    expect(niceTicks(578)).toEqual([0, 200, 400, 600]);
    expect(niceTicks(8)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0.9)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(0)).toEqual([0]);
  });
});

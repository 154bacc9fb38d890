// The bench's reading of what else the machine did while a build ran (bench/host-load.ts).
import { describe, expect, it } from 'vitest';
import { otherCores, parseProcStat } from '../../../bench/host-load.ts';

// user nice system idle iowait irq softirq steal guest guest_nice, in ticks of 1/100 s
const STAT = (user: number, system: number, idle: number, steal: number) =>
  `cpu  ${user} 0 ${system} ${idle} 50 0 10 ${steal} 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\nintr 1 2 3\n`;

describe('the machine load during a build', () => {
  it('reads busy and stolen seconds from the first cpu line, not idle or iowait', () => {
    expect(parseProcStat(STAT(1000, 500, 90_000, 300))).toEqual({ busy: 15.1, steal: 3 });
    expect(() => parseProcStat('intr 1 2 3\n')).toThrow(/no "cpu" line/);
  });

  it("counts the rest of the machine's busy and stolen time, the build's own CPU left out", () => {
    const before = parseProcStat(STAT(1000, 500, 90_000, 300));
    // 20 s of wall: the machine ran 30 s more (the build 22 s of it) and 2 s were stolen.
    const after = parseProcStat(STAT(3400, 1100, 91_000, 500));
    expect(otherCores(before, after, 22, 20)).toBeCloseTo((30 - 22 + 2) / 20, 10);
    // A quiet machine whose ticks lag the build's own clock reads 0, not below.
    expect(otherCores(before, after, 40, 20)).toBe(0);
    expect(otherCores(before, after, 22, 0)).toBe(0);
  });
});

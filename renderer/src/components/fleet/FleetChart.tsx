import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import type { FleetTotals, VerdictLevel } from '../../../../electron/api/contract';
import { LEVEL_WORDS } from '../../format';

const LEVELS: readonly VerdictLevel[] = ['unprotected', 'cannot-tell', 'at-risk', 'protected'];

/** The report page's level colours (core/fleet/fleet-html.ts): dark enough on white for WCAG AA. */
const COLOURS: Readonly<Record<VerdictLevel, string>> = {
  protected: '#1b5e20',
  'at-risk': '#8a4b00',
  unprotected: '#a00000',
  'cannot-tell': '#404040',
};

const WIDTH = 520;
const LABEL = 130;
const ROW = 34;

/**
 * Machines by level as horizontal bars (visx scales and bars, plain SVG). A picture of numbers
 * that are also written beside each bar and read out as one sentence (role="img" with a label),
 * so a screen reader and a black-and-white printout lose nothing.
 */
export function FleetChart({ totals }: { readonly totals: FleetTotals }) {
  const counts = LEVELS.map((level) => ({ level, count: totals.byLevel[level] }));
  const y = scaleBand<VerdictLevel>({ domain: [...LEVELS], range: [0, ROW * LEVELS.length], padding: 0.25 });
  const x = scaleLinear<number>({
    domain: [0, Math.max(1, ...counts.map((c) => c.count))],
    range: [0, WIDTH - LABEL - 60],
  });
  const label = `Machines by level: ${counts.map((c) => `${LEVEL_WORDS[c.level]} ${c.count}`).join(', ')}`;
  return (
    <figure className="fleet-chart">
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${WIDTH} ${ROW * LEVELS.length}`}
        className="fleet-chart__svg"
        data-testid="fleet-chart"
      >
        {counts.map(({ level, count }) => {
          const top = y(level) ?? 0;
          const width = x(count);
          return (
            <g key={level}>
              <text
                x={0}
                y={top + y.bandwidth() / 2}
                dominantBaseline="middle"
                className="fleet-chart__label"
              >
                {LEVEL_WORDS[level]}
              </text>
              <Bar x={LABEL} y={top} width={width} height={y.bandwidth()} fill={COLOURS[level]} />
              <text
                x={LABEL + width + 6}
                y={top + y.bandwidth() / 2}
                dominantBaseline="middle"
                className="fleet-chart__count"
              >
                {count}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">
        {totals.machines} machines. With a banned product still there: {totals.banned}. Silent too long:{' '}
        {totals.stale}. The same machine in more than one file: {totals.duplicates}. Files that could not be
        read: {totals.skipped}.
      </figcaption>
    </figure>
  );
}

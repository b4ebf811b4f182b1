import { useId } from 'react';

/** One bar group: its label and one value per series (null: no figure). */
export interface ChartRow {
  readonly label: string;
  readonly values: readonly (number | null)[];
}

export interface BarChartProps {
  readonly title: string;
  /** One sentence a screen reader hears for the picture; the table below holds every number. */
  readonly summary: string;
  readonly series: readonly string[];
  readonly rows: readonly ChartRow[];
  /** How a value is written in the table and on the bar. */
  readonly format: (value: number | null) => string;
  readonly rowHeader: string;
  /** The disclosure's label, such as "Show the numbers as a table". */
  readonly tableLabel: string;
  /** A row to emphasise (the slowest step): its label is drawn bold and named in the table. */
  readonly highlight?: (row: ChartRow) => boolean;
  readonly highlightNote?: string;
}

const BAR_HEIGHT = 16;
const GAP = 10;
const PLOT_WIDTH = 380;
const VALUE_WIDTH = 90;
/** Series differ in shade and order (the legend names them); the values are written, so colour never carries a number alone. */
const SERIES_CLASSES = ['chart__bar--a', 'chart__bar--b', 'chart__bar--c'];

/**
 * A small horizontal bar chart in hand-made SVG: one row per group, one bar per series, the value
 * written at the end of each bar (so colour is never the only carrier). The same numbers follow in
 * a table inside a disclosure, for screen readers and for people who would rather read.
 */
export function BarChart({ title, summary, series, rows, format, rowHeader, tableLabel, highlight, highlightNote }: BarChartProps) {
  const titleId = useId();
  const descId = useId();
  const max = Math.max(1, ...rows.flatMap((row) => row.values.map((value) => value ?? 0)));
  // Room for the longest label (about 7 units a character at 12 px), within reason.
  const LABEL_WIDTH = Math.min(240, Math.max(60, 16 + 7 * Math.max(0, ...rows.map((row) => row.label.length))));
  const groupHeight = series.length * BAR_HEIGHT + GAP;
  const height = rows.length * groupHeight + (series.length > 1 ? 28 : 4);
  const width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH;
  return (
    <figure className="chart">
      <figcaption id={titleId} className="chart__title">{title}</figcaption>
      <svg role="img" aria-labelledby={titleId} aria-describedby={descId} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: `${width}px` }}>
        <desc id={descId}>{summary}</desc>
        {rows.map((row, rowIndex) => {
          const top = rowIndex * groupHeight;
          const strong = highlight?.(row) ?? false;
          return (
            <g key={row.label} transform={`translate(0 ${top})`}>
              <text x={LABEL_WIDTH - 8} y={(series.length * BAR_HEIGHT) / 2 + 5} textAnchor="end" className={strong ? 'chart__label chart__label--strong' : 'chart__label'}>
                {row.label}
              </text>
              {row.values.map((value, index) => {
                const length = value === null ? 0 : Math.max(1, (value / max) * PLOT_WIDTH);
                const y = index * BAR_HEIGHT;
                return (
                  <g key={series[index]}>
                    <rect x={LABEL_WIDTH} y={y + 1} width={length} height={BAR_HEIGHT - 2} className={`chart__bar ${SERIES_CLASSES[index % SERIES_CLASSES.length]}`} />
                    <text x={LABEL_WIDTH + length + 6} y={y + BAR_HEIGHT - 4} className="chart__value">{format(value)}</text>
                  </g>
                );
              })}
            </g>
          );
        })}
        {series.length > 1 && (
          <g transform={`translate(${LABEL_WIDTH} ${rows.length * groupHeight + 6})`}>
            {series.map((name, index) => (
              <g key={name} transform={`translate(${index * 130} 0)`}>
                <rect width="14" height="14" className={`chart__bar ${SERIES_CLASSES[index % SERIES_CLASSES.length]}`} />
                <text x="20" y="12" className="chart__value">{name}</text>
              </g>
            ))}
          </g>
        )}
      </svg>
      <details className="chart__table">
        <summary>{tableLabel}</summary>
        <table className="supervisor__table">
          <thead>
            <tr>
              <th scope="col">{rowHeader}</th>
              {series.map((name) => <th key={name} scope="col">{name}</th>)}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}{highlight?.(row) && highlightNote ? ` (${highlightNote})` : ''}</th>
                {row.values.map((value, index) => <td key={series[index]}>{format(value)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

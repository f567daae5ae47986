export interface ChartSeries {
  label: string;
  /** A Tailwind stroke class, e.g. `stroke-brand-600`. */
  stroke: string;
  points: { at: string; value: number | null }[];
}

const width = 640;
const height = 160;
const pad = { top: 10, right: 10, bottom: 22, left: 34 };

/**
 * Percent-over-time lines drawn as plain SVG: no chart library, nothing fetched. The x axis
 * spans the last `hours`, ending now.
 */
export function MetricsChart({
  series,
  hours,
  now,
  title,
  formatTime,
}: {
  series: ChartSeries[];
  hours: number;
  now: Date;
  title: string;
  formatTime: (date: Date) => string;
}) {
  const end = now.getTime();
  const start = end - hours * 3_600_000;
  const x = (at: number) =>
    pad.left + ((at - start) / (end - start)) * (width - pad.left - pad.right);
  const y = (value: number) => pad.top + (1 - value / 100) * (height - pad.top - pad.bottom);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((share) => start + share * (end - start));

  return (
    <figure className="flex flex-col gap-2">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={title}
        className="h-auto w-full"
      >
        {[0, 50, 100].map((value) => (
          <g key={value}>
            <line
              x1={pad.left}
              x2={width - pad.right}
              y1={y(value)}
              y2={y(value)}
              className="stroke-slate-200"
              strokeDasharray={value === 0 ? undefined : '3 3'}
            />
            <text
              x={pad.left - 6}
              y={y(value) + 4}
              textAnchor="end"
              className="fill-slate-500 text-[10px]"
            >
              {value}%
            </text>
          </g>
        ))}
        {ticks.map((at, index) => (
          <text
            key={at}
            x={x(at)}
            y={height - 6}
            textAnchor={index === 0 ? 'start' : index === ticks.length - 1 ? 'end' : 'middle'}
            className="fill-slate-500 text-[10px]"
          >
            {formatTime(new Date(at))}
          </text>
        ))}
        {series.map((line) => {
          const points = line.points
            .filter((point) => point.value !== null && Date.parse(point.at) >= start)
            .map((point) => ({ x: x(Date.parse(point.at)), y: y(point.value ?? 0) }));
          const path = points
            .map(
              (point, index) =>
                `${index === 0 ? 'M' : 'L'}${point.x.toFixed(1)},${point.y.toFixed(1)}`,
            )
            .join(' ');
          return (
            <g key={line.label} className={line.stroke}>
              {points.length > 1 ? <path d={path} fill="none" strokeWidth={2} /> : null}
              {/* Dots too: one sample is still worth seeing. */}
              {points.map((point) => (
                <circle
                  key={`${point.x}-${point.y}`}
                  cx={point.x}
                  cy={point.y}
                  r={2.5}
                  className="fill-white"
                  strokeWidth={1.5}
                />
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption className="flex gap-4 text-xs text-slate-600">
        {series.map((line) => (
          <span key={line.label} className="flex items-center gap-1.5">
            <svg aria-hidden="true" width={14} height={4} className="overflow-visible">
              <line x1={0} x2={14} y1={2} y2={2} strokeWidth={3} className={line.stroke} />
            </svg>
            {line.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

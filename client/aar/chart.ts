// One line chart of the review: a figure with its title, an inline SVG (axes, ticks, grid, one
// line per series with its colour, dash and marker), a legend whose entries show or hide a line,
// and the same numbers as a real table for screen readers and for copying.
import { h, replace } from '../ui/dom.js';
import { tableHead } from '../ui/table.js';
import {
  FRAME,
  type ChartGeometry,
  type ChartSpec,
  type SeriesStyle,
  chartGeometry,
  formatValue,
  markerIsStroke,
  markerPath,
  seriesStyle,
  turnLabel,
} from '../view/aar.js';
import { s } from './svg.js';

const MARKER_R = 3.6;

const markerAt = (style: SeriesStyle, x: number, y: number, r = MARKER_R, title?: string): SVGElement =>
  s(
    'path',
    {
      d: markerPath(style.marker, x, y, r),
      class: 'chart-marker',
      fill: markerIsStroke(style.marker) ? 'none' : style.color,
      stroke: style.color,
      'stroke-width': markerIsStroke(style.marker) ? 2 : 1,
    },
    title ? s('title', {}, title) : null,
  );

/** A short sample of a series' line and marker, for its legend entry. */
const swatch = (style: SeriesStyle): SVGSVGElement =>
  s(
    'svg',
    { class: 'legend-swatch', viewBox: '0 0 36 14', width: 36, height: 14, 'aria-hidden': 'true', focusable: 'false' },
    s('line', {
      x1: 1,
      y1: 7,
      x2: 35,
      y2: 7,
      stroke: style.color,
      'stroke-width': 2.5,
      'stroke-dasharray': style.dash || undefined,
    }),
    markerAt(style, 18, 7, 4),
  );

const axes = (spec: ChartSpec, g: ChartGeometry): SVGElement[] => {
  const { plot, frame } = g;
  return [
    s(
      'g',
      { class: 'chart-grid' },
      g.yTicks.map((t) => s('line', { x1: plot.x0, x2: plot.x1, y1: t.at, y2: t.at })),
    ),
    s(
      'g',
      { class: 'chart-axis chart-axis-y' },
      s('line', { x1: plot.x0, x2: plot.x0, y1: plot.y1, y2: plot.y0 }),
      g.yTicks.map((t) =>
        s(
          'g',
          {},
          s('line', { x1: plot.x0 - 5, x2: plot.x0, y1: t.at, y2: t.at }),
          s('text', { x: plot.x0 - 8, y: t.at, 'text-anchor': 'end', 'dominant-baseline': 'middle' }, t.label),
        ),
      ),
      s(
        'text',
        {
          class: 'chart-axis-title',
          transform: `translate(13 ${(plot.y0 + plot.y1) / 2}) rotate(-90)`,
          'text-anchor': 'middle',
        },
        spec.unit,
      ),
    ),
    s(
      'g',
      { class: 'chart-axis chart-axis-x' },
      s('line', { x1: plot.x0, x2: plot.x1, y1: plot.y0, y2: plot.y0 }),
      g.xTicks.map((t) =>
        s(
          'g',
          {},
          s('line', { x1: t.at, x2: t.at, y1: plot.y0, y2: plot.y0 + 5 }),
          s('text', { x: t.at, y: plot.y0 + 18, 'text-anchor': 'middle' }, t.label),
        ),
      ),
      s(
        'text',
        { class: 'chart-axis-title', x: (plot.x0 + plot.x1) / 2, y: frame.height - 6, 'text-anchor': 'middle' },
        'Turn (values after each turn’s adjudication)',
      ),
    ),
  ];
};

const dataTable = (spec: ChartSpec): HTMLElement =>
  h(
    'details',
    { class: 'chart-data' },
    h('summary', {}, 'Show the data as a table'),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'aar-table' },
        h('caption', {}, `${spec.title}: ${spec.unit}`),
        tableHead(['Turn', ...spec.series.map((x) => ({ title: x.label, num: true }))]),
        h(
          'tbody',
          {},
          spec.turns.map((turn, i) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, turnLabel(turn)),
              spec.series.map((x) => h('td', { class: 'num' }, formatValue(spec, x.values[i] ?? null))),
            ),
          ),
        ),
      ),
    ),
  );

/** The chart's SVG at a width in user units equal to its pixels, so its text stays at 12px. */
const drawing = (spec: ChartSpec, width: number, hidden: ReadonlySet<string>): SVGSVGElement => {
  const g = chartGeometry(spec, { ...FRAME, width, height: width < 480 ? 260 : FRAME.height });
  const lines = g.lines.map((line) =>
    s(
      'g',
      { class: `chart-series${hidden.has(line.id) ? ' hidden' : ''}`, 'data-series': line.id },
      line.d
        ? s('path', {
            d: line.d,
            class: 'chart-line',
            fill: 'none',
            stroke: line.style.color,
            'stroke-width': 2.25,
            'stroke-dasharray': line.style.dash || undefined,
            'stroke-linejoin': 'round',
          })
        : null,
      line.points.map((p) =>
        markerAt(line.style, p.x, p.y, MARKER_R, `${line.label}, ${turnLabel(p.turn)}: ${formatValue(spec, p.value)}`),
      ),
    ),
  );
  return s(
    'svg',
    {
      class: 'chart-svg',
      viewBox: `0 0 ${g.frame.width} ${g.frame.height}`,
      role: 'img',
      'aria-labelledby': `chart-${spec.id}-title`,
      'aria-describedby': `chart-${spec.id}-desc`,
      preserveAspectRatio: 'xMidYMid meet',
    },
    axes(spec, g),
    s('g', { class: 'chart-lines' }, lines),
  );
};

export const lineChart = (spec: ChartSpec): HTMLElement => {
  const titleId = `chart-${spec.id}-title`;
  const descId = `chart-${spec.id}-desc`;
  const hidden = new Set<string>();
  const plot = h('div', { class: 'chart-plot' });
  let width = FRAME.width;
  const draw = () => replace(plot, drawing(spec, width, hidden));
  draw();
  // Redrawn for the column's real width (not scaled), so narrow screens keep legible axes.
  const resize = new ResizeObserver(([entry]) => {
    if (!plot.isConnected) return resize.disconnect();
    const now = Math.round(Math.min(900, Math.max(300, entry?.contentRect.width ?? width)));
    if (Math.abs(now - width) < 24) return;
    width = now;
    draw();
  });
  resize.observe(plot);
  // Each legend entry shows or hides its line: with eight guarantees, one can be followed alone.
  const legend = h(
    'ul',
    { class: 'chart-legend', 'aria-label': `${spec.title}: legend (press to show or hide a line)` },
    spec.series.map((series, i) => {
      const button = h(
        'button',
        { type: 'button', class: 'legend-item', 'aria-pressed': 'true' },
        swatch(seriesStyle(i)),
        h('span', {}, series.label),
      );
      button.addEventListener('click', () => {
        const wasHidden = hidden.has(series.id);
        if (wasHidden) hidden.delete(series.id);
        else hidden.add(series.id);
        // Pressed means shown.
        button.setAttribute('aria-pressed', String(wasHidden));
        plot.querySelector(`[data-series="${CSS.escape(series.id)}"]`)?.classList.toggle('hidden', !wasHidden);
      });
      return h('li', {}, button);
    }),
  );
  return h(
    'figure',
    { class: 'chart card', id: `chart-${spec.id}` },
    h('h3', { id: titleId }, spec.title),
    h('p', { id: descId, class: 'hint' }, spec.description),
    plot,
    legend,
    dataTable(spec),
  );
};

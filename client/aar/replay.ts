// Step-by-step replay: a stepper (first, previous, next, last, a slider, the arrow keys) over the
// start of every recorded turn and the end, driving the Phaser map and a summary of that moment:
// phase, theaters and their rungs, each guarantee's credibility, and the last adjudication's results.
import { mapTablesView } from '../game/mapTables.js';
import { lazyMap } from '../map/lazyMap.js';
import { announce, h, replace } from '../ui/dom.js';
import { rungChip } from '../ui/rungChip.js';
import { type ReplayJson, type ReplayStep, replaySteps } from '../view/aar.js';
import { guaranteeName } from '../view/matchText.js';
import { fmt } from '../view/panels.js';
import { guaranteeLinks, phaseLabel, theaters } from '../view/selectors.js';
import { turnRecord } from '../view/turnRecord.js';

export interface ReplaySection {
  el: HTMLElement;
  destroy(): void;
}

const summaryOf = (step: ReplayStep): HTMLElement[] => {
  const view = step.view;
  const report = view.report ? turnRecord(view).find((s) => s.key === `report-${view.report?.turn}`) : undefined;
  return [
    h('h3', {}, step.label),
    h('p', { class: 'replay-phase' }, phaseLabel(view)),
    h('h4', {}, 'Theaters'),
    h(
      'ul',
      { class: 'replay-theaters' },
      theaters(view).map((t) =>
        h('li', {}, rungChip(t.rung), h('span', { class: 'replay-name' }, t.name), ` rung ${t.rung} · ${t.rungName}`),
      ),
    ),
    h('h4', {}, 'Guarantees: credibility to the challenger'),
    h(
      'ul',
      { class: 'replay-guarantees' },
      guaranteeLinks(view).map((g) => {
        const fill = h('span', { class: 'replay-bar-fill' });
        fill.style.width = `${Math.max(0, Math.min(100, g.credibility))}%`;
        return h(
          'li',
          {},
          h('span', { class: 'replay-name' }, guaranteeName(view, g.id)),
          h('span', { class: 'replay-value' }, fmt(g.credibility), g.committed ? ' · red line' : ''),
          h('span', { class: 'replay-bar', 'aria-hidden': 'true' }, fill),
        );
      }),
    ),
    report
      ? h(
          'details',
          { class: 'replay-report' },
          h('summary', {}, report.title),
          report.groups.map((g) =>
            h(
              'div',
              { class: 'tl-group' },
              h('h5', {}, g.title),
              h(
                'ul',
                {},
                g.entries.map((e) => h('li', {}, e.text)),
              ),
            ),
          ),
        )
      : h('p', { class: 'hint' }, 'No turn has been adjudicated yet at this point.'),
  ];
};

export const replaySection = (replay: ReplayJson, onStep?: (step: ReplayStep) => void): ReplaySection => {
  const steps = replaySteps(replay);
  let at = 0;

  const first = h('button', { type: 'button', 'aria-label': 'First step' }, '« First');
  const prev = h('button', { type: 'button', 'aria-label': 'Previous step' }, '‹ Previous');
  const next = h('button', { type: 'button', 'aria-label': 'Next step', class: 'primary' }, 'Next ›');
  const last = h('button', { type: 'button', 'aria-label': 'Last step' }, 'Last »');
  const slider = h('input', {
    id: 'replay-slider',
    type: 'range',
    min: 0,
    max: steps.length - 1,
    step: 1,
    value: 0,
  });
  const position = h('p', { class: 'replay-position', 'aria-hidden': 'true' });
  const summary = h('div', { class: 'replay-summary card', 'aria-live': 'off' });
  const tables = mapTablesView();
  const map = lazyMap({ fallback: 'The tables below show everything it draws.', onFail: () => tables.reveal() });

  const show = (index: number, speak: boolean) => {
    at = Math.max(0, Math.min(steps.length - 1, index));
    const step = steps[at];
    if (!step) return;
    slider.value = String(at);
    slider.setAttribute('aria-valuetext', `${step.label} (step ${at + 1} of ${steps.length})`);
    replace(position, `Step ${at + 1} of ${steps.length}: ${step.label}`);
    first.disabled = prev.disabled = at === 0;
    next.disabled = last.disabled = at === steps.length - 1;
    replace(summary, summaryOf(step));
    tables.update(step.view);
    map.update(step.view);
    if (speak) announce(`${step.label}. ${phaseLabel(step.view)}.`);
    onStep?.(step);
  };

  first.addEventListener('click', () => show(0, true));
  prev.addEventListener('click', () => show(at - 1, true));
  next.addEventListener('click', () => show(at + 1, true));
  last.addEventListener('click', () => show(steps.length - 1, true));
  slider.addEventListener('input', () => show(Number(slider.value), true));

  const el = h(
    'section',
    { class: 'aar-section replay', id: 'aar-replay', 'aria-labelledby': 'aar-replay-title' },
    h('h2', { id: 'aar-replay-title' }, 'Replay'),
    h(
      'p',
      { class: 'hint' },
      'Step through the match as the White Cell saw it at the start of each turn. The arrow keys step too, Home and End jump to the ends.',
    ),
    h(
      'div',
      { class: 'replay-controls', role: 'group', 'aria-label': 'Replay controls' },
      first,
      prev,
      h('label', { for: 'replay-slider', class: 'replay-slider-label' }, 'Step', slider),
      next,
      last,
    ),
    position,
    h('div', { class: 'replay-body' }, h('div', { class: 'replay-map' }, map.el, tables.el), summary),
  );
  // Arrows step the replay anywhere in the section except in a field that uses them itself.
  el.addEventListener('keydown', (e) => {
    if (e.target instanceof Element && e.target.closest('input, select, textarea, .gmap')) return;
    const to =
      e.key === 'ArrowRight'
        ? at + 1
        : e.key === 'ArrowLeft'
          ? at - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? steps.length - 1
              : null;
    if (to === null) return;
    e.preventDefault();
    show(to, true);
  });

  show(0, false);
  return { el, destroy: () => map.destroy() };
};

// The after-action review of a recorded match (`/?aar=<matchId>`): what the match was, charts over
// its turns, the decision timeline with every explanation, a step-by-step replay on the map, the
// exports, and for the White Cell a what-if branch. Reads the record over HTTP; no live connection.
import { actionsBar } from '../aar/actions.js';
import { fetchJson } from '../aar/api.js';
import { branchForm } from '../aar/branch.js';
import { lineChart } from '../aar/chart.js';
import { type ReplaySection, replaySection } from '../aar/replay.js';
import { timelineSection } from '../aar/timeline.js';
import { timelineTurns } from '../aar/timelineModel.js';
import type { MatchConnection } from '../net/connection.js';
import { keyFor } from '../net/pastMatches.js';
import { announce, h, replace } from '../ui/dom.js';
import {
  type MatchRecordJson,
  type ReplayJson,
  branchTurns,
  chartSpecs,
  namesOf,
  readRecord,
  readReplay,
  replaySteps,
} from '../view/aar.js';
import { endingOf } from '../view/debrief.js';
import { STATUS_LABELS } from '../view/recordStatus.js';
import { phaseLabel } from '../view/selectors.js';
import type { Screen } from './screen.js';
import '../styles/aar.css';

export interface AarOptions {
  matchId: string;
  /** A branch was created: the app moves into its lobby. */
  onConnected(conn: MatchConnection): void;
}

const scenarioTitle = async (id: string): Promise<string> => {
  try {
    const list = (await (await fetch('/api/scenarios')).json()) as { id: string; title: string }[];
    return list.find((s) => s.id === id)?.title ?? id;
  } catch {
    return id;
  }
};

const when = (ms: number): string => new Date(ms).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });

const homeLink = () => h('a', { href: '/', class: 'aar-home' }, '← Home');

const head = (record: MatchRecordJson, title: string, replay: ReplayJson | null): HTMLElement => {
  const final = replay?.final;
  const played = record.series.at(-1)?.turn ?? 0;
  const ending = !final
    ? null
    : final.ended
      ? endingOf(final)
      : record.match.status === 'open'
        ? { headline: 'In progress', detail: `${phaseLabel(final)}. The review follows the match as it is played.` }
        : {
            headline: `Stopped in turn ${final.turn} of ${final.config.turns}`,
            detail: 'Everyone left before the match ended.',
          };
  return h(
    'header',
    { class: 'aar-head' },
    h('p', { class: 'eyebrow' }, `After-action review · match ${record.match.code}`),
    h('h1', { id: 'aar-title' }, title),
    h(
      'p',
      { class: 'aar-meta' },
      h('span', { class: `aar-status status-${record.match.status}` }, STATUS_LABELS[record.match.status]),
      ` Created ${when(record.match.createdAt)} · ${played} ${played === 1 ? 'turn' : 'turns'} adjudicated`,
      final ? ` of ${final.config.turns}` : '',
      ` · show the math ${record.setup.showMath ? 'on' : 'off'} · White Cell review ${record.setup.facilitatorReview ? 'on' : 'off'}`,
    ),
    ending ? h('p', { class: 'aar-lede' }, h('strong', {}, ending.headline), ` — ${ending.detail}`) : null,
  );
};

export const mountAar = (root: HTMLElement, options: AarOptions): Screen => {
  const { matchId } = options;
  const pageTitle = document.title;
  let replayView: ReplaySection | null = null;
  let destroyed = false;
  replace(
    root,
    h(
      'article',
      { class: 'aar', 'aria-busy': 'true' },
      homeLink(),
      h('p', { class: 'eyebrow' }, 'After-action review'),
      h('h1', {}, 'Loading the match record…'),
    ),
  );

  const load = async () => {
    const recordJson = fetchJson(matchId, 'record.json');
    const replayJson = fetchJson(matchId, 'replay.json');
    let record: MatchRecordJson;
    try {
      record = readRecord(await recordJson);
    } catch (e) {
      replayJson.catch(() => undefined);
      return showError(e instanceof Error ? e.message : String(e));
    }
    const [title, replay] = await Promise.all([
      scenarioTitle(record.setup.scenarioId),
      replayJson.then(readReplay).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))),
    ]);
    if (destroyed) return;
    show(record, title, replay instanceof Error ? null : replay, replay instanceof Error ? replay.message : '');
  };

  const showError = (message: string) => {
    if (destroyed) return;
    replace(
      root,
      h(
        'article',
        { class: 'aar' },
        homeLink(),
        h('p', { class: 'eyebrow' }, 'After-action review'),
        h('h1', {}, 'This review cannot be shown'),
        h('p', { class: 'aar-error card', role: 'alert' }, message),
      ),
    );
    announce(message);
  };

  const show = (record: MatchRecordJson, title: string, replay: ReplayJson | null, replayError: string) => {
    const key = keyFor(matchId);
    const names = replay?.final ?? namesOf(record);
    const turns = timelineTurns(record.timeline, {
      names,
      series: record.series,
      ...(replay ? { reports: replaySteps(replay).map((s) => s.view) } : {}),
    });
    const branch = key && replay ? branchForm(record, branchTurns(replay), key, options.onConnected) : null;
    replayView = replay ? replaySection(replay, (step) => branch?.propose(step.turn)) : null;
    // A match still being played keeps its whole length on the axis: the lines grow toward the end.
    const running = record.match.status === 'open' && !replay?.final.ended;
    const charts = chartSpecs(record.series, names, running ? names.config.turns : 0).filter(
      (c) => c.series.length > 0,
    );
    document.title = `After-action review · ${record.match.code} · ${title} — Guarantor`;
    replace(
      root,
      h(
        'article',
        { class: 'aar', 'aria-labelledby': 'aar-title' },
        homeLink(),
        head(record, title, replay),
        h(
          'nav',
          { class: 'aar-nav', 'aria-label': 'Sections of the review' },
          h('a', { href: '#aar-charts' }, 'Charts'),
          h('a', { href: '#aar-timeline' }, 'Decision timeline'),
          h('a', { href: '#aar-replay' }, 'Replay'),
          branch ? h('a', { href: '#aar-branch' }, 'What if…') : null,
        ),
        actionsBar(record, key !== undefined),
        h(
          'section',
          { class: 'aar-section', id: 'aar-charts', 'aria-labelledby': 'aar-charts-title' },
          h('h2', { id: 'aar-charts-title' }, 'Over the turns'),
          h(
            'p',
            { class: 'hint' },
            'Each chart starts before the first turn and adds a point after every adjudication. Press a legend entry to hide or show its line; each chart’s numbers are also in a table.',
          ),
          h('div', { class: 'aar-charts' }, charts.map(lineChart)),
        ),
        timelineSection(turns),
        replayView
          ? replayView.el
          : h(
              'section',
              { class: 'aar-section', id: 'aar-replay', 'aria-labelledby': 'aar-replay-title' },
              h('h2', { id: 'aar-replay-title' }, 'Replay'),
              h('p', { class: 'aar-error card', role: 'alert' }, `The replay could not be loaded: ${replayError}`),
            ),
        branch ? h('div', { id: 'aar-branch' }, branch.el) : null,
      ),
    );
    announce(`After-action review of match ${record.match.code} loaded.`);
  };

  void load();
  return {
    update: () => undefined,
    destroy: () => {
      destroyed = true;
      document.title = pageTitle;
      replayView?.destroy();
      replace(root);
    },
  };
};

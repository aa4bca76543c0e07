// "Your past matches" on the home page: the matches this browser ran as the White Cell that the
// server still has, newest first, each linking to its after-action review. Hidden when there are
// none. Small on purpose: it ships with the home page.
import type { RecordStatus } from '../../shared/record/timeline.js';
import { pastMatches } from '../net/pastMatches.js';
import { h, replace } from '../ui/dom.js';
import { tableHead } from '../ui/table.js';
import { STATUS_LABELS } from '../view/recordStatus.js';
import { reviewUrl } from '../view/route.js';

interface Summary {
  id: string;
  code: string;
  scenarioId: string;
  status: RecordStatus;
  createdAt: number;
  publicAar: boolean;
}

export interface PastMatchesSection {
  el: HTMLElement;
  /** Names the scenarios once the home page has its catalogue. */
  nameScenarios(list: readonly { id: string; title: string }[]): void;
}

export const pastMatchesSection = (): PastMatchesSection => {
  const body = h('div', { class: 'past-body' });
  const el = h(
    'section',
    { class: 'card past-matches', 'aria-labelledby': 'past-title', hidden: true },
    h('h2', { id: 'past-title' }, 'Your past matches'),
    h('p', { class: 'hint' }, 'Matches this browser ran as the White Cell. Open one for its after-action review.'),
    body,
  );
  let found: Summary[] = [];
  let titles = new Map<string, string>();

  const render = () => {
    el.hidden = found.length === 0;
    if (found.length === 0) return;
    replace(
      body,
      h(
        'table',
        { class: 'past-table' },
        tableHead(['Match', 'Scenario', 'Status', 'Created', 'Review']),
        h(
          'tbody',
          {},
          found.map((m) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row', class: 'past-code' }, m.code),
              h('td', {}, titles.get(m.scenarioId) ?? m.scenarioId),
              h('td', {}, STATUS_LABELS[m.status], m.publicAar ? ' · public' : ''),
              h('td', {}, new Date(m.createdAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })),
              h(
                'td',
                {},
                h(
                  'a',
                  { href: reviewUrl('', m.id), 'aria-label': `Open the review of match ${m.code}` },
                  'Open the review',
                ),
              ),
            ),
          ),
        ),
      ),
    );
  };

  const mine = pastMatches().map(({ id, key }) => ({ id, key }));
  if (mine.length > 0)
    void fetch('/api/matches/mine', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ matches: mine.slice(0, 200) }),
    })
      .then((r) => (r.ok ? (r.json() as Promise<Summary[]>) : []))
      .then((list) => {
        found = [...list].sort((a, b) => b.createdAt - a.createdAt);
        render();
      })
      .catch(() => undefined);

  return {
    el,
    nameScenarios(list) {
      titles = new Map(list.map((s) => [s.id, s.title]));
      render();
    },
  };
};

// Home: create a match (scenario, timers, show the math, White Cell review, bots) or join one by
// code. `/?code=XXXX` opens with the join form filled in.
import { pastMatchesSection } from '../aar/pastMatches.js';
import { POLICY_NAMES, POLICY_ROLE, type PolicyName } from '../../shared/model/vocabulary.js';
import { type CreateRequest, MatchConnection } from '../net/connection.js';
import { h, replace, uid } from '../ui/dom.js';
import { TIMER_PRESETS, timersFor } from '../view/route.js';
import type { Screen } from './screen.js';

interface CatalogueEntry {
  id: string;
  title: string;
  summary: string;
  turns: number;
  monthsPerTurn: number;
  timers: Record<string, number | null>;
  seats: { id: string; role: string; name: string }[];
}

export interface HomeOptions {
  params: URLSearchParams;
  onConnected(conn: MatchConnection): void;
  /** Why the app came back here (a failed rejoin), shown above the forms. */
  message?: string;
}

const policiesFor = (role: string): PolicyName[] =>
  POLICY_NAMES.filter((p) => POLICY_ROLE[p] === undefined || POLICY_ROLE[p] === role);

export const mountHome = (root: HTMLElement, options: HomeOptions): Screen => {
  const status = h('p', { class: 'form-error', role: 'alert' }, options.message ?? '');
  const busy = (form: HTMLFormElement, on: boolean) => {
    for (const b of form.querySelectorAll('button')) b.disabled = on;
    form.setAttribute('aria-busy', String(on));
  };
  const connect = async (form: HTMLFormElement, open: () => Promise<MatchConnection>) => {
    busy(form, true);
    replace(status);
    try {
      options.onConnected(await open());
    } catch (e) {
      replace(status, e instanceof Error ? e.message : String(e));
      busy(form, false);
    }
  };

  // Join by code.
  const codeId = uid('code');
  const joinNameId = uid('join-name');
  const codeInput = h('input', {
    id: codeId,
    name: 'code',
    required: true,
    maxlength: 16,
    autocomplete: 'off',
    spellcheck: 'false',
    class: 'code-input',
    value: options.params.get('code') ?? '',
  });
  const joinName = h('input', {
    id: joinNameId,
    name: 'name',
    required: true,
    maxlength: 40,
    autocomplete: 'nickname',
  });
  const joinForm = h(
    'form',
    { class: 'card', 'aria-labelledby': 'join-title' },
    h('h2', { id: 'join-title' }, 'Join a match'),
    h('label', { for: codeId }, 'Match code'),
    codeInput,
    h('label', { for: joinNameId }, 'Your name'),
    joinName,
    h('button', { type: 'submit', class: 'primary' }, 'Join'),
  );
  joinForm.addEventListener('submit', (e) => {
    e.preventDefault();
    void connect(joinForm, () => MatchConnection.join(codeInput.value, joinName.value.trim()));
  });

  // Create.
  const createNameId = uid('create-name');
  const createName = h('input', { id: createNameId, name: 'name', required: true, maxlength: 40, value: 'White Cell' });
  const scenarioList = h('div', { class: 'scenario-list', role: 'radiogroup', 'aria-labelledby': 'scenario-legend' });
  const botList = h('div', { class: 'bot-list' });
  const timersId = uid('timers');
  const timers = h(
    'select',
    { id: timersId, name: 'timers' },
    TIMER_PRESETS.map((p) => h('option', { value: p.id }, p.label)),
  );
  const showMath = h('input', { type: 'checkbox', name: 'showMath', checked: true });
  const review = h('input', { type: 'checkbox', name: 'review' });
  let catalogue: CatalogueEntry[] = [];
  const past = pastMatchesSection();

  const chosen = () => catalogue.find((c) => c.id === new FormData(createForm).get('scenario')) ?? catalogue[0];
  const showBots = () => {
    const scenario = chosen();
    if (!scenario) return;
    replace(
      botList,
      scenario.seats.map((seat) => {
        const id = uid('bot');
        return h(
          'div',
          { class: 'bot-row' },
          h('label', { for: id }, `${seat.name} (${seat.role})`),
          h(
            'select',
            { id, name: `bot:${seat.id}` },
            h('option', { value: '' }, 'A player (bot if empty)'),
            policiesFor(seat.role).map((p) => h('option', { value: p }, `Bot: ${p}`)),
          ),
        );
      }),
    );
  };

  const createForm = h(
    'form',
    { class: 'card', 'aria-labelledby': 'create-title' },
    h('h2', { id: 'create-title' }, 'Create a match'),
    h('p', { class: 'hint' }, 'You will run it as the White Cell (the facilitator) and get a code to share.'),
    h('label', { for: createNameId }, 'Your name'),
    createName,
    h('fieldset', {}, h('legend', { id: 'scenario-legend' }, 'Scenario'), scenarioList),
    h('label', { for: timersId }, 'Phase timers'),
    timers,
    h('label', { class: 'check' }, showMath, ' Show the math: players see every number’s breakdown'),
    h('label', { class: 'check' }, review, ' Review each adjudication before players see it'),
    h('details', {}, h('summary', {}, 'Seats and bots'), botList),
    h('button', { type: 'submit', class: 'primary' }, 'Create match'),
  );
  createForm.addEventListener('change', (e) => {
    if (e.target instanceof HTMLInputElement && e.target.name === 'scenario') showBots();
  });
  createForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(createForm);
    const bots: Record<string, string> = {};
    for (const [key, value] of data) if (key.startsWith('bot:') && value) bots[key.slice(4)] = String(value);
    const request: CreateRequest = {
      scenario: String(data.get('scenario') ?? ''),
      name: createName.value.trim(),
      showMath: showMath.checked,
      facilitatorReview: review.checked,
      timers: timersFor(timers.value),
      bots,
    };
    void connect(createForm, () => MatchConnection.create(request));
  });

  void fetch('/api/scenarios')
    .then((r) => r.json() as Promise<CatalogueEntry[]>)
    .then((list) => {
      catalogue = list;
      past.nameScenarios(list);
      replace(
        scenarioList,
        list.map((s, i) =>
          h(
            'label',
            { class: 'scenario' },
            h('input', { type: 'radio', name: 'scenario', value: s.id, checked: i === 0, required: true }),
            h('strong', {}, s.title),
            h('span', { class: 'meta' }, `${s.turns} turns of ${s.monthsPerTurn} months · ${s.seats.length} seats`),
            h('span', { class: 'summary' }, s.summary),
          ),
        ),
      );
      showBots();
    })
    .catch(() => replace(status, 'could not load the scenarios: is the server running?'));

  replace(
    root,
    h(
      'header',
      { class: 'hero' },
      h('h1', {}, 'Guarantor'),
      h(
        'p',
        {},
        'A crisis wargame about security guarantees: allocate defense, answer when an ally is tested, and see what your credibility is worth.',
      ),
    ),
    status,
    h('div', { class: 'home-grid' }, options.params.get('code') ? [joinForm, createForm] : [createForm, joinForm]),
    past.el,
  );
  (options.params.get('code') ? joinName : createName).focus();
  return { update: () => undefined, destroy: () => replace(root) };
};

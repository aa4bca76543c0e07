// The seat's briefing, shown in the task panel while the briefing phase lasts: who it plays and what
// it is scored on (the scenario's objectives), the guarantees that bind it or stand in its way, its
// nation's figures, the theaters already heated, and the events fired this turn. From the view alone
// (the scenario's summary comes from the catalogue the home page reads). Pure: tested headless.
import type { Metric } from '../../shared/model/scenario.js';
import { budget, turnYears } from '../../shared/rules/economy.js';
import { seatById } from '../../shared/rules/seats.js';
import type { GameView } from '../../shared/view/viewFor.js';
import { METRICS } from './debrief.js';
import { forcePoints, listText, nationName, percent, possessive, rungName } from './matchText.js';
import { fmt, money } from './panels.js';

export interface Objective {
  label: string;
  hint: string;
  /** Share of the role's score, %. */
  weight: number;
}

export interface Briefing {
  /** "You play Aurelia, the guarantor." */
  role: string;
  /** What the role is about, in a sentence. */
  aim: string;
  objectives: Objective[];
  /** One sentence per guarantee that binds the seat, protects it, or stands between it and a target. */
  guarantees: string[];
  figures: { label: string; value: string }[];
  /** Theaters above peace: "Northern March: rung 2 (crisis)". */
  theaters: string[];
  events: { title: string; text: string }[];
}

const AIMS: Readonly<Record<string, string>> = {
  guarantor:
    'You protect allies with guarantees. Deter the challenger at a price your public will bear, without being dragged into a war you did not choose.',
  ally: 'You depend on your guarantor. Keep your territory and its trust: your spending and your words shape how credible its promise looks.',
  challenger:
    'You want to change the status quo. Test the guarantees where they look weakest, without starting a war you cannot win.',
};

const TYPE_WORDS: Readonly<Record<string, string>> = {
  treaty: 'a defense treaty',
  extended_deterrence: 'an extended-deterrence pledge (its nuclear umbrella)',
  assurance: 'a vague assurance',
  economic: 'an economic guarantee',
};

const isMetric = (m: string): m is Metric => Object.hasOwn(METRICS, m);

/** The seat's briefing, or null for the White Cell and observers (they have no nation). */
export const briefing = (view: GameView, seat: string): Briefing | null => {
  const s = seatById(view, seat);
  const n = s?.nation ? view.nations[s.nation] : undefined;
  if (!s || !n || (s.role !== 'guarantor' && s.role !== 'ally' && s.role !== 'challenger')) return null;
  const weights = Object.entries(view.config.objectives[s.role]).filter(
    (e): e is [Metric, number] => isMetric(e[0]) && (e[1] ?? 0) > 0,
  );
  const total = weights.reduce((a, [, w]) => a + w, 0);
  const objectives = weights
    .map(([m, w]) => ({ label: METRICS[m].label, hint: METRICS[m].hint, weight: total > 0 ? (100 * w) / total : 0 }))
    .sort((a, b) => b.weight - a.weight);
  const words = (g: GameView['guarantees'][string]) =>
    `${TYPE_WORDS[g.type] ?? g.type.replaceAll('_', ' ')}, covering ${listText(g.scope.map((k) => k.replaceAll('_', ' ')))}`;
  const all = Object.values(view.guarantees);
  const guarantees =
    s.role === 'guarantor'
      ? all.filter((g) => g.guarantor === n.id).map((g) => `You guarantee ${nationName(view, g.ally)}: ${words(g)}.`)
      : s.role === 'ally'
        ? all.filter((g) => g.ally === n.id).map((g) => `${nationName(view, g.guarantor)} guarantees you: ${words(g)}.`)
        : all.map(
            (g) =>
              `${nationName(view, g.guarantor)} guarantees ${nationName(view, g.ally)}: ${words(g)}. It may fight for ${nationName(view, g.ally)} if you move against it.`,
          );
  const figures = [
    { label: 'Budget this turn', value: money(budget(n, turnYears(view)).value) },
    { label: 'GDP', value: money(n.gdp) },
    { label: 'Defense spending', value: `${fmt(n.defenseShare)}% of GDP` },
    { label: 'Forces', value: `${forcePoints(n.capability)}, ${percent(n.readiness)} ready` },
    { label: 'Consensus at home', value: `${fmt(n.consensus)} of 100` },
    { label: 'Nuclear weapons', value: n.nuclear ? 'yes' : 'no' },
  ];
  return {
    role: `You play ${n.name}, the ${s.role}.`,
    aim: AIMS[s.role] ?? '',
    objectives,
    guarantees,
    figures,
    theaters: Object.values(view.regions)
      .filter((r) => r.rung > 0)
      .sort((a, b) => b.rung - a.rung)
      .map((r) => `${r.name}: rung ${r.rung} (${rungName(r.rung)})`),
    events: view.cards.map((c) => ({ title: c.title, text: c.text })),
  };
};

/** The heading of the briefing: "Aurelia’s briefing, turn 1 of 8". */
export const briefingTitle = (view: GameView, seat: string): string => {
  const nation = seatById(view, seat)?.nation;
  return `${nation ? `${possessive(nationName(view, nation))} briefing` : 'Briefing'}, turn ${view.turn} of ${view.config.turns}`;
};

// The turn log as data: built from the view itself (this turn's cards, statements and crises, the
// last turn's report with every change and its breakdown, the decision record), so a player who
// reloads sees the same record, plus the live events this client received (phase changes,
// defaults, the White Cell's settings). Each entry can carry its "why": the engine's terms.
import type { GameEvent } from '../../shared/model/events.js';
import type { Change } from '../../shared/model/state.js';
import type { GameView } from '../../shared/view/viewFor.js';
import {
  decisionSentence,
  guaranteeName,
  moveSentence,
  namesIn,
  nationName,
  percent,
  possessive,
  quoted,
  regionName,
  seatName,
  signed,
  statementLine,
} from './matchText.js';
import { outcomeGroups, overrideLines } from './outcomes.js';
import { fmt } from './panels.js';

export { namesIn };

export interface Breakdown {
  /** Each named term of the number, formatted. */
  terms: { label: string; value: string }[];
  /** The White Cell hid the math: only the values are known. */
  hidden: boolean;
}

export interface TurnLogEntry {
  /** Stable across patches, for keeping an expanded entry open. */
  key: string;
  text: string;
  why: Breakdown | null;
}

export interface LogGroup {
  title: string;
  entries: TurnLogEntry[];
}

export interface LogSection {
  key: string;
  title: string;
  groups: LogGroup[];
}

const NATION_METRICS: Readonly<Record<string, string>> = {
  gdp: 'GDP ($bn)',
  growth: 'growth (% a year)',
  trendGrowth: 'trend growth (% a year)',
  defenseShare: 'defense (% of GDP)',
  capability: 'capability',
  pipeline: 'capability on order',
  readiness: 'readiness',
  industrialBase: 'industrial base',
  consensus: 'consensus',
  debt: 'debt (% of GDP)',
  integrity: 'integrity',
  gains: 'gains',
  strain: 'strain',
  obligations: 'owed for honoring ($bn)',
  umbrella: 'nuclear umbrella (0–1)',
  hedging: 'hedging',
  setbacks: 'setbacks',
  ties: 'ties (0–1)',
  commitment: 'public commitment (0–1)',
  clarity: 'clarity (0–1)',
  rung: 'escalation rung',
  resilience: 'resilience (0–1)',
  aidInbound: 'aid arriving next turn ($bn)',
  revenueLost: 'revenue lost to sanctions (0–1)',
};

/** "consensus", "forward forces in Northern March", "credibility to the challenger". */
export const metricName = (view: GameView, metric: string): string => {
  const [name, sub] = metric.split(':');
  if (name === 'posture') return `forward forces in ${regionName(view, sub ?? '')}`;
  if (name === 'arrived') return `reinforcement arrived in ${regionName(view, sub ?? '')} (0–1)`;
  if (name === 'credibility') return `credibility to ${sub === 'public' ? 'its own public' : `the ${sub ?? ''}`}`;
  return NATION_METRICS[name ?? ''] ?? metric.replaceAll('_', ' ');
};

/** A subject id (nation, guarantee, region or seat) by its name. */
export const subjectName = (view: GameView, id: string): string =>
  view.nations[id]
    ? nationName(view, id)
    : view.guarantees[id]
      ? guaranteeName(view, id)
      : view.regions[id]
        ? regionName(view, id)
        : seatName(view, id);

const breakdown = (view: GameView, why: { terms: { label: string; value: number }[] } | null): Breakdown =>
  why && why.terms.length > 0
    ? { terms: why.terms.map((t) => ({ label: namesIn(view, t.label), value: fmt(t.value) })), hidden: false }
    : { terms: [], hidden: true };

/** Meters kept as 0–1 shares that people read as percentages (the map and the tables show them so). */
const PERCENT_METRICS = new Set(['readiness']);

/** "consensus 65 → 63.2 (−1.8)", "readiness 75% → 80% (+5 points)". */
export const changeText = (view: GameView, c: Change): string => {
  const name = metricName(view, c.metric);
  if (PERCENT_METRICS.has(c.metric)) {
    const points = Math.round(c.after * 100) - Math.round(c.before * 100);
    return `${name} ${percent(c.before)} → ${percent(c.after)} (${signed(points)} ${Math.abs(points) === 1 ? 'point' : 'points'})`;
  }
  return `${name} ${fmt(c.before)} → ${fmt(c.after)} (${signed(c.after - c.before, Math.abs(c.after - c.before) < 1 ? 2 : 1)})`;
};

/** A change's breakdown, in the units its line is shown in. */
const changeBreakdown = (view: GameView, c: Change): Breakdown =>
  PERCENT_METRICS.has(c.metric)
    ? breakdown(view, { terms: c.why.terms.map((t) => ({ label: t.label, value: t.value * 100 })) })
    : breakdown(view, c.why);

/** The report's group with the White Cell's reason and the outcomes it set. */
export const OVERRIDE_GROUP = 'White Cell override';

const reportSection = (view: GameView): LogSection | null => {
  const report = view.report;
  if (!report) return null;
  const groups: LogGroup[] = [];
  // The outcomes that stand come first: the override's reason and what it set against the rules.
  if (report.override)
    groups.push({
      title: OVERRIDE_GROUP,
      entries: [
        { key: `r${report.turn}-override`, text: `Reason: ${quoted(report.override.reason)}`, why: null },
        ...overrideLines(view, report).map((o) => ({ key: o.key, text: o.text, why: null })),
      ],
    });
  // Each outcome line carries the breakdown of the engine's note on the same subject (the defense a
  // crisis met, the risk a provocation ran): matched by the note's subject, never by its words.
  const noteOn = (subject: string | null) =>
    subject === null ? undefined : report.notes.find((n) => n.subject === subject);
  for (const g of outcomeGroups(view, report))
    groups.push({
      title: g.title,
      entries: g.lines.map((l) => {
        const note = noteOn(l.subject);
        return { key: l.key, text: l.text, why: note?.why ? breakdown(view, note.why) : null };
      }),
    });
  const bySubject = new Map<string, TurnLogEntry[]>();
  for (const c of report.changes) {
    if (Math.abs(c.after - c.before) < 1e-9) continue;
    const list = bySubject.get(c.subject) ?? [];
    list.push({
      key: `r${report.turn}-${c.subject}-${c.metric}`,
      text: changeText(view, c),
      why: changeBreakdown(view, c),
    });
    bySubject.set(c.subject, list);
  }
  for (const [subject, entries] of bySubject) groups.push({ title: subjectName(view, subject), entries });
  return { key: `report-${report.turn}`, title: `Turn ${report.turn} results`, groups };
};

const revealText = (view: GameView, r: Pick<GameView['reveals'][number], 'about' | 'gap'>): string =>
  `Intelligence: ${possessive(seatName(view, r.about))} allocation${r.gap ? ' — its red line is not backed by forces' : ''}`;

const currentSection = (view: GameView): LogSection => {
  const t = view.turn;
  const groups: LogGroup[] = [];
  const cards = view.cards.map((card, i) => ({
    key: `t${t}-card-${i}`,
    text: `${card.title}: ${card.text}`,
    why: {
      terms: card.effects.map((e) => ({
        label: `${e.kind} of ${subjectName(view, 'nation' in e ? e.nation : 'region' in e ? e.region : e.guarantee)}`,
        value: signed(e.delta, Number.isInteger(e.delta) ? 0 : 2),
      })),
      hidden: false,
    },
  }));
  if (cards.length > 0) groups.push({ title: 'Events', entries: cards });
  const statements = view.statements.map((st, i) => ({
    key: `t${t}-statement-${i}`,
    text: eventText(view, { kind: 'statement', turn: t, visibleTo: 'all', text: '', data: { statement: st } }),
    why: null,
  }));
  if (statements.length > 0) groups.push({ title: 'Public statements', entries: statements });
  const crises = view.crises.map((c, i) => ({
    key: `t${t}-crisis-${i}`,
    text: `${moveSentence(view, c.challenger, c.move)}${c.invoked.length > 0 ? `: invokes ${c.invoked.map((g) => guaranteeName(view, g)).join(', ')}` : ''}`,
    why:
      Object.keys(c.immediate).length > 0
        ? {
            terms: Object.entries(c.immediate).map(([gid, d]) => ({
              label: `immediate deterrence of ${guaranteeName(view, gid)}`,
              value: fmt(d.value),
            })),
            hidden: false,
          }
        : null,
  }));
  if (crises.length > 0) groups.push({ title: 'Crises', entries: crises });
  const reveals = view.reveals.map((r, i) => ({
    key: `t${t}-reveal-${i}`,
    text: revealText(view, r),
    why: {
      terms: [
        { label: 'readiness', value: fmt(r.allocation.readiness) },
        { label: 'modernization', value: fmt(r.allocation.modernization) },
        ...Object.entries(r.allocation.forwardPosture).map(([reg, v]) => ({
          label: `forward posture in ${regionName(view, reg)}`,
          value: fmt(v),
        })),
        { label: 'domestic', value: fmt(r.allocation.domestic) },
      ],
      hidden: false,
    },
  }));
  if (reveals.length > 0) groups.push({ title: 'Intelligence (yours only)', entries: reveals });
  return { key: `turn-${t}`, title: `Turn ${t} so far`, groups };
};

/** An event in people's words: names instead of ids where the event carries its data. */
export const eventText = (view: GameView, e: GameEvent): string => {
  const data = e.data ?? {};
  if (e.kind === 'statement' && data['statement']) {
    return statementLine(view, data['statement'] as GameView['statements'][number]);
  }
  if (e.kind === 'crisis' && data['crisis']) {
    const c = data['crisis'] as GameView['crises'][number];
    const invoked = c.invoked.length > 0 ? `: invokes ${c.invoked.map((g) => guaranteeName(view, g)).join(', ')}` : '';
    return `${moveSentence(view, c.challenger, c.move)}${invoked}`;
  }
  if (e.kind === 'adjudicated')
    return `Turn ${e.turn} results published${data['override'] === true ? ', with a White Cell override' : ''}`;
  if (e.kind === 'intel_reveal' && data['reveal']) {
    const r = data['reveal'] as GameView['reveals'][number];
    return revealText(view, r);
  }
  return namesIn(view, e.text);
};

/** Events whose line begins with its turn already. */
const NAMES_ITS_TURN: readonly GameEvent['kind'][] = ['phase_changed', 'adjudicated'];

const KINDS_IN_THE_VIEW: readonly GameEvent['kind'][] = ['card_fired', 'crisis', 'statement', 'intel_reveal'];

/** The live feed: events received while connected, newest first, without those this turn's record already shows. */
export const liveEntries = (view: GameView, log: readonly GameEvent[], limit = 40): TurnLogEntry[] =>
  log
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => !(e.turn === view.turn && KINDS_IN_THE_VIEW.includes(e.kind)))
    .slice(-limit)
    .reverse()
    .map(({ e, i }) => {
      const changes = Array.isArray(e.data?.['changes']) ? (e.data['changes'] as Change[]) : [];
      const said = eventText(view, e);
      return {
        key: `live-${i}`,
        // Lines that name their turn already ("Turn 2: diplomacy", "Turn 2 results published") are not prefixed again.
        text: NAMES_ITS_TURN.includes(e.kind) ? said : `Turn ${e.turn}: ${said}`,
        why:
          changes.length > 0
            ? {
                terms: changes.map((c) => ({ label: subjectName(view, c.subject), value: changeText(view, c) })),
                hidden: false,
              }
            : null,
      };
    });

/** The record of the match a seat can see, newest first. */
export const turnRecord = (view: GameView): LogSection[] => {
  const sections = [currentSection(view)];
  const report = reportSection(view);
  if (report) sections.push(report);
  if (view.history.length > 0)
    sections.push({
      key: 'history',
      title: 'Decisions on record',
      groups: [
        {
          title: 'Guarantees invoked and answered',
          entries: [...view.history].reverse().map((d, i) => ({
            key: `h-${view.history.length - i}`,
            text: `Turn ${d.turn}: ${decisionSentence(view, d)}`,
            why: null,
          })),
        },
      ],
    });
  return sections;
};

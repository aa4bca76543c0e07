// Decision cards for the crisis: the guarantor's honor / partial / abandon, the allies' contribute /
// hedge / accommodate, and the challenger's move. Each option's consequences are the engine's own
// functions (audience costs, alliance effects, crisis odds, credibility, the challenger's calculus)
// run on a copy of the view, so the card shows what adjudication will count.
import type { ChallengerMove } from '../../shared/model/commands.js';
import type { Explained } from '../../shared/model/explain.js';
import type { Crisis } from '../../shared/model/state.js';
import {
  ALLY_RESPONSES,
  type AllyResponse,
  GUARANTOR_RESPONSES,
  type GuarantorResponse,
  MOVE_TYPES,
  type MoveType,
  NUCLEAR_MOVES,
  type NuclearStep,
  RUNGS,
} from '../../shared/model/vocabulary.js';
import { previewAnswer, spentWorld } from '../../shared/rules/preview.js';
import { crisisOdds } from '../../shared/rules/combat.js';
import { FORCEFUL_MOVES, challengerCalculus, crisisOf } from '../../shared/rules/deterrence.js';
import { crisisRung } from '../../shared/rules/escalation.js';
import { legalCommands } from '../../shared/rules/legal.js';
import { asForceful } from '../../shared/rules/moves.js';
import { nationOf, respondents } from '../../shared/rules/seats.js';
import type { GameView } from '../../shared/view/viewFor.js';
import { type Projected, credibilityProjected } from './budgetPlan.js';
import { guaranteeName, listText, moveSentence, nationName, regionName, rungName, sentenceCase } from './matchText.js';

/** An answer a guarantor may give: a choice, backed by a nuclear step when the engine allows one. */
export interface GuarantorAnswer {
  choice: GuarantorResponse;
  nuclear: NuclearStep | null;
}

/** "honor", "honor-signal": an answer as one value (a form's, a test's). */
export const answerId = (a: GuarantorAnswer): string => (a.nuclear ? `${a.choice}-${a.nuclear}` : a.choice);

export interface GuarantorOption extends GuarantorAnswer {
  /** Consensus lost for backing down from a public commitment (audience cost). */
  audienceCost: Explained;
  /** Consensus a limited nuclear use costs at home (0 for every other answer). */
  nuclearCost: number;
  /** $bn owed from next turn's budget; 0 unless honoring a forceful move. */
  honorCost: number;
  /** Chance the challenger's action succeeds with this answer (allies' answers unknown: none counted). */
  success: number;
  /** Credibility to the challenger of each of the guarantor's guarantees, after this decision enters the record. */
  credibility: Projected[];
  /** How far each ally hedges away after the decision. */
  hedging: Projected[];
}

export interface GuarantorCard {
  guarantee: string;
  /** The ally's name. */
  ally: string;
  title: string;
  /** "Varkal launches a limited attack on Bosk". */
  crisis: string;
  /** The rung the theater stands at once the move lands: what the public judges backing down by. */
  rung: number;
  /** The theater's rung now, before the move lands. */
  now: number;
  /** "The Northern March is at rung 2 (crisis) and would go to rung 4 (limited war) once the attack lands." */
  stakes: string;
  answered: GuarantorAnswer | null;
  /** Honor first, then the nuclear steps the engine offers (legalCommands), then partial and abandon. */
  options: GuarantorOption[];
  /** Set when a nuclear step is offered (or was taken): what it risks, for everyone. */
  nuclearWarning: string | null;
}

/**
 * What any nuclear step risks, with the engine's own numbers: shown wherever one is offered, with
 * limited use's price at home when use is among the choices.
 */
export const nuclearWarning = (view: GameView, use: boolean): string =>
  `Warning: each nuclear step adds ${Math.round(view.params.nuclearStepRisk * 100)} percentage points to the chance this turn that the theater jumps a rung by accident, on top of the rung it already climbs. The top rung, general nuclear war, ends the match as a loss for everyone.${use ? ` Limited nuclear use also costs its user ${Math.round(view.params.nuclearUseConsensus)} consensus.` : ''}`;

/** The answers the seat may give on `gid` now, from legalCommands, honor's nuclear variants after honor. */
const offeredAnswers = (view: GameView, seat: string, gid: string): GuarantorAnswer[] => {
  const legal = legalCommands(view, seat).flatMap((c) =>
    c.type === 'answer_guarantee' && c.guarantee === gid ? [{ choice: c.choice, nuclear: c.nuclear ?? null }] : [],
  );
  const rank = (a: GuarantorAnswer) =>
    GUARANTOR_RESPONSES.indexOf(a.choice) * 10 + (a.nuclear ? 1 + ['signal', 'use'].indexOf(a.nuclear) : 0);
  return legal.sort((a, b) => rank(a) - rank(b));
};

const rungWords = (r: number): string => `rung ${r} (${rungName(r)})`;

/** Where the theater stands and where the move takes it: the card's stakes, in one sentence. */
const stakes = (theater: string, now: number, rung: number): string =>
  rung > now
    ? `${theater} is at ${rungWords(now)} and would go to ${rungWords(rung)} once the move lands.`
    : `${theater} is at ${rungWords(now)} and stays there when the move lands.`;

const crisisFor = (view: GameView, gid: string): Crisis | undefined => view.crises.find((c) => c.invoked.includes(gid));

/** One card per invoked guarantee this seat must answer (answered ones stay, showing the answer). */
export const guarantorCards = (view: GameView, seat: string): GuarantorCard[] => {
  const mine = respondents(view).guarantees.get(seat) ?? [];
  const answers = view.guarantorAnswers[seat] ?? {};
  const steps = view.nuclearSteps[seat] ?? {};
  return mine.flatMap((gid) => {
    const g = view.guarantees[gid];
    const c = crisisFor(view, gid);
    if (!g || !c || !view.nations[g.guarantor]) return [];
    const now = view.regions[c.region ?? '']?.rung ?? 0;
    const rung = crisisRung(now, c.move.type);
    const given = answers[gid];
    const answered: GuarantorAnswer | null = given ? { choice: given, nuclear: steps[gid] ?? null } : null;
    // Before answering, what the engine offers; after, the three answers and the one given.
    const offered = answered
      ? [...GUARANTOR_RESPONSES.map((choice) => ({ choice, nuclear: null })), ...(answered.nuclear ? [answered] : [])]
      : offeredAnswers(view, seat, gid);
    const guarantees = Object.values(view.guarantees).filter((x) => x.guarantor === g.guarantor);
    const options = offered.flatMap(({ choice, nuclear }): GuarantorOption[] => {
      const preview = previewAnswer(view, gid, choice, nuclear);
      if (!preview) return [];
      const { after } = preview;
      return [
        {
          choice,
          nuclear,
          audienceCost: preview.audienceCost,
          nuclearCost: preview.nuclearCost,
          honorCost: preview.honorCost,
          success: preview.success,
          credibility: guarantees.map((x) => credibilityProjected(view, after, x.id)),
          hedging: guarantees.map((x) => ({
            label: nationName(view, x.ally),
            before: view.nations[x.ally]?.hedging ?? 0,
            after: after.nations[x.ally]?.hedging ?? 0,
            why: null,
          })),
        },
      ];
    });
    return [
      {
        guarantee: gid,
        ally: nationName(view, g.ally),
        title: `Your guarantee to ${nationName(view, g.ally)} is invoked`,
        crisis: moveSentence(view, c.challenger, c.move),
        rung,
        now,
        stakes: stakes(regionName(view, c.region ?? ''), now, rung),
        answered,
        options,
        nuclearWarning: options.some((o) => o.nuclear)
          ? nuclearWarning(
              view,
              options.some((o) => o.nuclear === 'use'),
            )
          : null,
      },
    ];
  });
};

export interface AllyCrisisOdds {
  crisis: string;
  /** Chance the challenger's action succeeds, by this ally's answer, then by its guarantor's answer. */
  odds: Record<AllyResponse, Record<GuarantorResponse, number>>;
}

/** An answer's name and what it does, in the words of the seat that gives it. */
export interface AnswerWords {
  name: string;
  help: string;
}

export interface AllyCard {
  answered: AllyResponse | null;
  guarantors: string[];
  /** The ally is itself a target: it defends itself rather than being asked to contribute. */
  attacked: boolean;
  title: string;
  intro: string;
  answers: Record<AllyResponse, AnswerWords>;
  crises: AllyCrisisOdds[];
}

/** An ally asked to help defend another: contribute forces, hedge or accommodate. */
const HELPER_ANSWERS: Readonly<Record<AllyResponse, AnswerWords>> = {
  contribute: { name: 'Contribute', help: 'Send your forces to the defense. Costs a little consensus.' },
  hedge: { name: 'Hedge', help: 'Keep your distance. Your trust in your guarantor falls (hedging rises).' },
  accommodate: {
    name: 'Accommodate',
    help: 'Give way to the challenger. Your trust in your guarantor falls further (hedging rises).',
  },
};

/** An ally that is itself attacked: its own forces defend it whatever it answers, unless it gives way. */
const TARGET_ANSWERS: Readonly<Record<AllyResponse, AnswerWords>> = {
  contribute: {
    name: 'Stand and fight',
    help: 'Defend yourself beside your guarantor. Costs a little consensus; your trust in it holds.',
  },
  hedge: {
    name: 'Defend alone',
    help: 'Your forces still defend you, but you keep your distance from your guarantor (hedging rises).',
  },
  accommodate: {
    name: 'Give way',
    help: 'Only half your forces resist, and a probe or coercion against you succeeds at once.',
  },
};

/** A verb for one subject or several. */
const are = (subjects: readonly string[], one: string, many: string): string => (subjects.length > 1 ? many : one);

/** The view with the nation `me` named "you", for sentences addressed to it. */
const asTarget = (view: GameView, me: string): GameView => {
  const n = view.nations[me];
  return n ? { ...view, nations: { ...view.nations, [me]: { ...n, name: 'you' } } } : view;
};

/** The ally's card: it answers once per turn; the odds show what each answer does to each crisis. */
export const allyCard = (view: GameView, seat: string): AllyCard | null => {
  const r = respondents(view);
  if (!r.allies.includes(seat)) return null;
  const me = nationOf(view, seat);
  const mine = new Set(
    Object.values(view.guarantees)
      .filter((g) => g.ally === me)
      .map((g) => g.guarantor),
  );
  const crises = view.crises.filter(
    (c) => c.invoked.some((gid) => mine.has(view.guarantees[gid]?.guarantor ?? '')) && asForceful(c.move.type) !== null,
  );
  const world = spentWorld(view);
  const oddsFor = (c: Crisis, mineAnswer: AllyResponse, theirs: GuarantorResponse): number =>
    crisisOdds(world, c, {
      guarantors: Object.fromEntries(c.invoked.map((gid) => [gid, theirs])),
      allies: { [me]: mineAnswer },
    }).success;
  const guarantors = [...mine].map((id) => nationName(view, id));
  const attacked = crises.find((c) => c.move.target === me);
  const defended = [...new Set(crises.map((c) => nationName(view, c.move.target ?? '')))];
  const who = listText(guarantors);
  return {
    answered: view.allyAnswers[seat] ?? null,
    guarantors,
    attacked: attacked !== undefined,
    title: attacked
      ? moveSentence(asTarget(view, me), attacked.challenger, attacked.move)
      : `${who} ${are(guarantors, 'faces', 'face')} a crisis: will you help?`,
    intro: attacked
      ? `${who} ${are(guarantors, 'is', 'are')} asked to defend you. Your forces defend you in any case, at half strength if you give way. Answer once for this turn; the table shows the challenger’s chance of success for each answer.`
      : `${who} ${are(guarantors, 'is', 'are')} asked to defend ${listText(defended)}. You may send forces to help, hedge or accommodate. Answer once for this turn; the table shows the challenger’s chance of success for each answer.`,
    answers: attacked ? TARGET_ANSWERS : HELPER_ANSWERS,
    crises: crises.map((c) => ({
      crisis: moveSentence(view, c.challenger, c.move),
      odds: Object.fromEntries(
        ALLY_RESPONSES.map((a) => [a, Object.fromEntries(GUARANTOR_RESPONSES.map((g) => [g, oddsFor(c, a, g)]))]),
      ) as AllyCrisisOdds['odds'],
    })),
  };
};

export interface MoveChoice {
  type: MoveType;
  /** Nation ids this move may target now (empty for hold). */
  targets: string[];
  /** A nuclear move: the form says what it risks. */
  nuclear: boolean;
}

/** The challenger's legal moves and their targets, from the engine's `legalCommands`. */
export const moveChoices = (view: GameView, seat: string): MoveChoice[] => {
  const moves = legalCommands(view, seat).flatMap((c) => (c.type === 'move' ? [c.move] : []));
  return MOVE_TYPES.filter((t) => moves.some((m) => m.type === t)).map((type) => ({
    type,
    targets: moves.filter((m) => m.type === type && m.target !== null).map((m) => m.target ?? ''),
    nuclear: NUCLEAR_MOVES.includes(type),
  }));
};

/** The move picker's names and help for each move. */
export const MOVE_WORDS: Readonly<Record<MoveType, AnswerWords>> = {
  hold: { name: 'Hold', help: 'Do nothing this turn.' },
  probe: { name: 'Probe', help: 'Gray-zone pressure: little risk, little gain.' },
  coerce: { name: 'Coerce', help: 'Threats and blockades short of war.' },
  limited_attack: { name: 'Limited attack', help: 'Seize something small by force, and hold it.' },
  major_attack: { name: 'Major attack', help: 'All-out war.' },
  escalate: { name: 'Escalate', help: 'Nuclear threats: coercion under a nuclear shadow.' },
  nuclear_signal: {
    name: 'Nuclear signal',
    help: 'Put your nuclear forces on alert against the target: coercion backed by the bomb. The theater climbs to nuclear signaling.',
  },
  nuclear_use: {
    name: 'Limited nuclear use',
    help: 'A limited nuclear strike: an armed attack that every guarantee covering one answers. Your public turns against you, and every guarantor sanctions you.',
  },
  de_escalate: { name: 'De-escalate', help: 'Cool the chosen nation’s theater.' },
};

export interface MovePreview {
  sentence: string;
  /** The rung the target's theater goes to at least. */
  rung: number;
  rungName: string;
  /** Guarantees the move would invoke, with their immediate deterrence as the challenger sees it. */
  invoked: { id: string; name: string; deterrence: Explained }[];
  /** Chance of success if no guarantor helps, and if every invoked one honors (null for non-forceful moves). */
  successAlone: number | null;
  successIfHonored: number | null;
  /** The challenger's expected value in points (null for non-forceful moves). */
  expectedValue: Explained | null;
}

/** What a move would set off: invoked guarantees, the odds, the expected value and the rung. */
export const movePreview = (view: GameView, seat: string, move: ChallengerMove): MovePreview | null => {
  const challenger = nationOf(view, seat);
  const target = move.target ? view.nations[move.target] : undefined;
  if (!view.nations[challenger]) return null;
  const crisis = crisisOf(view, { id: seat, nation: challenger }, move);
  const world = spentWorld(view);
  // Odds for every move that threatens (escalation as coercion); an expected value only for the
  // moves the challenger's calculus weighs, which leaves escalation out.
  const forceful = asForceful(move.type) !== null && target !== undefined;
  const weighed = FORCEFUL_MOVES.find((t) => t === move.type);
  const odds = (answer: GuarantorResponse | null) =>
    crisisOdds(world, crisis, {
      guarantors: answer ? Object.fromEntries(crisis.invoked.map((id) => [id, answer])) : {},
      allies: {},
    }).success;
  const rung = crisisRung(view.regions[crisis.region ?? '']?.rung ?? 0, move.type);
  return {
    sentence: moveSentence(view, challenger, move),
    rung,
    rungName: rungName(Math.min(rung, RUNGS.length - 1)),
    invoked: Object.entries(crisis.immediate).map(([id, deterrence]) => ({
      id,
      name: guaranteeName(view, id),
      deterrence,
    })),
    successAlone: forceful ? odds(null) : null,
    successIfHonored: forceful ? odds('honor') : null,
    expectedValue: weighed && target ? challengerCalculus(view, challenger, weighed, target.id) : null,
  };
};

/** A guarantor's answers by name, with their help; nuclear variants say what the step adds. */
export const guarantorWords = (a: GuarantorAnswer): AnswerWords => {
  if (a.nuclear === 'signal')
    return {
      name: 'Honor + nuclear signal',
      help: 'Honor, and signal that you are ready to use nuclear weapons: your umbrella counts in full in the defense, and the theater climbs to nuclear signaling.',
    };
  if (a.nuclear === 'use')
    return {
      name: 'Honor + limited nuclear use',
      help: 'Honor, and strike with nuclear weapons: the defense is far stronger, your public turns against you, and the theater climbs to limited nuclear use.',
    };
  return { name: sentenceCase(a.choice), help: ANSWER_HELP[a.choice] };
};

/** What each answer means, in words a player reads before choosing. */
export const ANSWER_HELP: Readonly<Record<GuarantorResponse | AllyResponse, string>> = {
  honor: 'Fight alongside your ally. Costs budget next turn and risks losses; your record and credibility gain.',
  partial: 'Sanctions, arms and diplomacy, but no troops. Some help; allies notice you held back.',
  abandon: 'Stay out. No cost now; reputation falls everywhere and your allies hedge.',
  contribute: 'Send your forces to the defense. Costs a little consensus.',
  hedge: 'Keep your distance. Your trust in your guarantor falls (hedging rises).',
  accommodate: 'Give way to the challenger. A probe or coercion against you then succeeds; hedging rises.',
};

// One turn's adjudication: aid and spending, crises, counteroffensives, provocations, consequences,
// exit ramps and escalation, in a fixed order. Draws always happen in the same order, so a White
// Cell override replaces outcomes, never the dice.
import type {
  Crisis,
  CrisisOutcome,
  Decisions,
  GameState,
  Occupation,
  Outcomes,
  Report,
  World,
} from '../model/state.js';
import { MOVE_THREAT, TOP_RUNG } from '../model/vocabulary.js';
import { RngCursor } from '../rng.js';
import { provocationRisk } from './alliance.js';
import { chargeAnswer, decisionRecord } from './answerCosts.js';
import { collectAnswers, crisisOdds } from './combat.js';
import { credibility } from './credibility.js';
import { spendTurn } from './economy.js';
import { type CrossingCause, crisisRung, escalateTheater } from './escalation.js';
import { Ledger } from './ledger.js';
import { asForceful, isArmedMove } from './moves.js';
import { takeExitRamps } from './exitRamps.js';
import { applyRetake, retakeChance } from './occupation.js';
import { moveReinforcements } from './reinforcement.js';
import { imposeSanctions, sanctionPressure } from './sanctions.js';
import { allScores } from './scoring.js';

const RECORD_KEY = { honor: 'honored', partial: 'partial', abandon: 'abandoned' } as const;

export interface Adjudicated {
  state: GameState;
  /** What the dice decided, before any override. */
  engine: Decisions;
}

/** Adds `nation` to the theaters it is engaged in (its reinforcement moves there). */
const engage = (engaged: Map<string, Set<string>>, nation: string, region: string): void => {
  const set = engaged.get(nation) ?? new Set<string>();
  set.add(region);
  engaged.set(nation, set);
};

/**
 * Resolves the turn. With `forced`, the facilitator's decisions replace the drawn outcomes
 * (same draws, so the journal can replay either version).
 */
export const adjudicate = (state: GameState, forced: { decisions: Decisions; reason: string } | null): Adjudicated => {
  const p = state.params;
  const rng = new RngCursor(state.rng);
  const ledger = new Ledger(state);
  const world: World = { ...state, nations: ledger.nations, guarantees: ledger.guarantees, regions: ledger.regions };
  const answers = collectAnswers(state);
  const notes: Decisions['notes'] = [];
  let sanctions = [...state.sanctions];
  const engaged = new Map<string, Set<string>>();

  // 1. Aid sent last turn arrives; then every nation seat's allocation (defaults were filled when
  //    its phase closed); the burden of under-spending allies; sanctions bite.
  spendTurn(ledger, world, state.allocations);

  // 2. Crises: draw each challenger action's success on the local balance.
  const drawnSuccess: Record<string, boolean> = {};
  const odds: Record<string, { chance: number; draw: number }> = {};
  for (const c of state.crises) {
    const o = crisisOdds(world, c, answers);
    const draw = rng.float();
    const forceful = asForceful(c.move.type);
    drawnSuccess[c.challengerSeat] = forceful !== null && c.move.target !== null && draw < o.success;
    if (forceful) {
      odds[c.challengerSeat] = { chance: o.success, draw };
      notes.push({
        subject: c.challengerSeat,
        text: `${c.move.type.replaceAll('_', ' ')} on ${c.move.target}: chance of success ${(o.success * 100).toFixed(0)}%, draw ${(draw * 100).toFixed(0)} → ${drawnSuccess[c.challengerSeat] ? 'succeeds' : 'fails'}`,
        why: o.defense,
      });
    }
  }
  const success = { ...drawnSuccess, ...(forced?.decisions.success ?? {}) };

  // 2b. Counteroffensives: one draw per occupation held at the start of the turn.
  const retakes: Outcomes['retakes'] = [];
  for (const o of state.occupations) {
    const chance = retakeChance(world, o);
    const draw = rng.float();
    retakes.push({ target: o.target, by: o.by, region: o.region, chance, draw, success: draw < chance });
  }

  // 3. Provocations: allies emboldened by clear, credible guarantees (entrapment).
  const drawnProvocations: string[] = [];
  for (const seat of state.seats.filter((s) => s.role === 'ally' && s.nation)) {
    const risk = provocationRisk(world, seat.nation ?? '');
    if (rng.chance(risk.value)) {
      drawnProvocations.push(seat.nation ?? '');
      notes.push({
        subject: seat.nation ?? '',
        text: `${seat.nation} provokes an incident, counting on its guarantor`,
        why: risk,
      });
    }
  }
  const provocations = forced?.decisions.provocations ?? drawnProvocations;

  // 4. Consequences of each crisis: territory, attrition, costs, reputation, alliance, audience.
  const history = [...state.history];
  const occupations: Occupation[] = [];
  const crisisOutcomes: CrisisOutcome[] = [];
  for (const c of state.crises) crisisOutcomes.push(consequences(c));

  function consequences(c: Crisis): CrisisOutcome {
    const forceful = asForceful(c.move.type);
    const target = c.move.target;
    const won = success[c.challengerSeat] === true;
    const outcome: CrisisOutcome = {
      challengerSeat: c.challengerSeat,
      challenger: c.challenger,
      move: c.move.type,
      target,
      region: c.region,
      threat: MOVE_THREAT[c.move.type],
      chance: odds[c.challengerSeat]?.chance ?? null,
      draw: odds[c.challengerSeat]?.draw ?? null,
      drawn: drawnSuccess[c.challengerSeat] === true,
      success: won,
      answers: {},
      nuclear: {},
      seized: false,
    };
    if (!forceful || !target) return outcome;
    const label = `${c.move.type.replaceAll('_', ' ')} by ${c.challenger}`;
    const region = c.region ?? '';
    const honoring = c.invoked.filter(
      (gid) => answers.guarantors[gid] === 'honor' && state.guarantees[gid]?.type !== 'economic',
    );
    if (won) {
      // What is taken is what was left to take: held ground never exceeds what the target lost.
      const taken = Math.min(p.integrityLoss[forceful], ledger.nations[target]?.integrity ?? 0);
      ledger.nation(target, 'integrity', `${label} succeeded`, -taken);
      ledger.nation(c.challenger, 'gains', `${label} succeeded`, taken);
      ledger.nation(target, 'setbacks', `${label} succeeded`, 1);
      // A success abroad rallies the challenger's public (Crimea, 2014); failures cost it below.
      ledger.nation(c.challenger, 'consensus', 'a success abroad rallies the public', p.successRally * taken);
      if (isArmedMove(c.move.type)) {
        // Ground taken by force is held until retaken: a fait accompli.
        const liberators = [...new Set(honoring.map((gid) => state.guarantees[gid]?.guarantor ?? ''))];
        occupations.push({
          target,
          by: c.challenger,
          region,
          since: state.turn,
          integrity: taken,
          liberators,
        });
        outcome.seized = true;
      }
    }
    if (isArmedMove(c.move.type)) {
      const a = p.attrition[forceful];
      ledger.nation(
        c.challenger,
        'capability',
        'losses in the fighting',
        -(ledger.nations[c.challenger]?.capability ?? 0) * a * (won ? 1 : 1.5),
      );
      ledger.nation(target, 'capability', 'losses in the fighting', -(ledger.nations[target]?.capability ?? 0) * a);
      ledger.nation(c.challenger, 'consensus', 'war weariness', -p.actionCost[forceful] / 4);
    }
    if (c.move.type === 'nuclear_use') {
      ledger.nation(c.challenger, 'consensus', 'first use of nuclear weapons', -p.nuclearUseConsensus);
      for (const g of Object.values(state.guarantees))
        sanctions = imposeSanctions(sanctions, g.guarantor, c.challenger, state.turn);
    }
    for (const gid of c.invoked) {
      const g = state.guarantees[gid];
      const choice = answers.guarantors[gid];
      if (!g || !choice) continue;
      outcome.answers[gid] = choice;
      const step = choice === 'honor' ? answers.nuclear[gid] : undefined;
      if (step) outcome.nuclear[gid] = step;
      history.push(decisionRecord(state, c, g, choice));
      const draft = ledger.guarantees[gid];
      if (draft) draft.record = { ...draft.record, [RECORD_KEY[choice]]: draft.record[RECORD_KEY[choice]] + 1 };
      if (won) ledger.nation(g.guarantor, 'setbacks', `${label} succeeded against its ally`, 1);
      chargeAnswer(
        ledger,
        world,
        c,
        g,
        choice,
        step ?? null,
        crisisRung(state.regions[region]?.rung ?? 0, c.move.type),
      );
      // Partial answers and every economic answer short of abandoning put sanctions on the challenger.
      if (choice === 'partial' || (choice === 'honor' && g.type === 'economic'))
        sanctions = imposeSanctions(sanctions, g.guarantor, c.challenger, state.turn);
      const guarantor = ledger.nations[g.guarantor];
      // Sanctions and aid are not forces: only a military honor goes into the fighting.
      if (choice !== 'honor' || !guarantor || g.type === 'economic') continue;
      engage(engaged, g.guarantor, region);
      if (isArmedMove(c.move.type)) {
        ledger.posture(
          g.guarantor,
          region,
          'losses in the fighting',
          -(guarantor.posture[region] ?? 0) * p.attrition[forceful],
        );
        ledger.nation(
          g.guarantor,
          'capability',
          'losses in the fighting',
          -guarantor.capability * (guarantor.reach[region] ?? p.defaultReach) * p.attrition[forceful],
        );
      }
    }
    return outcome;
  }

  // Allies answer once per turn, whatever the number of crises.
  const targets = new Set(state.crises.map((c) => c.move.target));
  for (const [ally, choice] of Object.entries(answers.allies)) {
    if (choice === 'hedge') ledger.nation(ally, 'hedging', 'hedged in the crisis', 3);
    if (choice === 'accommodate' && !targets.has(ally))
      ledger.nation(ally, 'hedging', 'accommodated the challenger', 8);
    if (choice === 'contribute') {
      ledger.nation(ally, 'consensus', 'cost of contributing forces', -1);
      for (const c of state.crises) if (c.region) engage(engaged, ally, c.region);
    }
  }
  for (const ally of provocations) {
    for (const g of Object.values(state.guarantees).filter((x) => x.ally === ally))
      ledger.nation(g.guarantor, 'consensus', `entrapment: ${ally} provoked`, -2);
  }

  // 4b. Counteroffensives' consequences, then the occupations that still stand.
  const standing: Occupation[] = [];
  state.occupations.forEach((o, i) => {
    const r = retakes[i];
    if (r && r.chance > 0) applyRetake(ledger, world, o, r.success);
    if (!r?.success) standing.push(o);
  });

  // 4c. Exit ramps taken (exitRamps.ts), then the occupations that still stand draw their liberators in.
  const ramps = takeExitRamps(ledger, world, state, [...standing, ...occupations], sanctions);
  sanctions = ramps.sanctions;
  const { exitRamps, remaining } = ramps;
  for (const o of remaining) for (const id of o.liberators) engage(engaged, id, o.region);

  // 5. Escalation per theater, in scenario order.
  const drawnRungs: Record<string, number> = {};
  const rungs: Outcomes['rungs'] = {};
  let precedent = state.precedent;
  for (const region of Object.values(state.regions)) {
    const crises = state.crises.filter((c) => c.region === region.id);
    const move = crises.map((c) => c.move.type).find((m) => m !== 'hold') ?? (crises.length > 0 ? 'hold' : null);
    // Honoring with forces mobilizes the theater; an economic guarantee's sanctions and aid do not.
    const honoring = crises.flatMap((c) =>
      asForceful(c.move.type)
        ? c.invoked.filter((gid) => answers.guarantors[gid] === 'honor' && state.guarantees[gid]?.type !== 'economic')
        : [],
    );
    const steps = honoring.map((gid) => answers.nuclear[gid]).filter((s) => s !== undefined);
    const challengerSteps = crises.filter((c) => c.move.type === 'nuclear_signal' || c.move.type === 'nuclear_use');
    const provokers = provocations.filter((a) => state.nations[a]?.region === region.id);
    const nuclearPossible =
      crises.some((c) => state.nations[c.challenger]?.nuclear) ||
      Object.values(state.guarantees).some(
        (g) => state.nations[g.ally]?.region === region.id && state.nations[g.guarantor]?.nuclear,
      );
    const result = escalateTheater(
      {
        current: region.rung,
        precedent,
        move,
        honored: honoring.length > 0,
        provocation: provokers.length > 0,
        exitRamps: state.statements.filter((s) => s.kind === 'exit_ramp' && s.subject === region.id).length,
        nuclearPossible,
        guarantorStep: steps.includes('use') ? 'use' : steps.includes('signal') ? 'signal' : null,
        nuclearSteps: steps.length + challengerSteps.length,
      },
      p,
      rng,
    );
    drawnRungs[region.id] = result.rung.value;
    for (const t of result.rung.terms.slice(1)) ledger.rung(region.id, t.label, t.value);
    const finalRung = forced?.decisions.rungs[region.id] ?? result.rung.value;
    ledger.rung(region.id, `White Cell override: ${forced?.reason ?? ''}`, finalRung - result.rung.value);
    rungs[region.id] = { from: region.rung, drawn: result.rung.value, stood: finalRung };
    // Breaking a threshold first costs the nation that broke it; an accident costs no one.
    const challengers = crises.map((c) => c.challenger);
    const guarantors = honoring.map((gid) => state.guarantees[gid]?.guarantor ?? '');
    const payers: Record<CrossingCause, string[]> = {
      challenger: challengers,
      guarantor: guarantors,
      both: [...challengers, ...guarantors],
      ally: provokers,
      accident: [],
    };
    for (const crossing of result.firstCrossings)
      if (crossing.rung <= finalRung)
        for (const payer of new Set(payers[crossing.cause]))
          ledger.nation(payer, 'consensus', `first to cross rung ${crossing.rung}`, -p.thresholdConsensusCost);
    precedent = Math.max(precedent, finalRung);
    // A theater at mobilization or above draws in every guarantor of an ally there.
    if (finalRung >= 3)
      for (const g of Object.values(state.guarantees))
        if (state.nations[g.ally]?.region === region.id && g.type !== 'economic')
          engage(engaged, g.guarantor, region.id);
  }

  // 5b. Reinforcement moves toward the theaters each nation is engaged in, and home from the rest.
  moveReinforcements(ledger, world, engaged);

  // 6. Results: credibility before/after, scores, end of the match.
  ledger.settlePeaks();
  const guarantees = ledger.guarantees;
  const next: GameState = {
    ...state,
    rng: rng.state,
    nations: ledger.nations,
    guarantees,
    regions: ledger.regions,
    precedent,
    history,
    sanctions,
    occupations: remaining,
    lastAllocations: { ...state.lastAllocations, ...state.allocations },
    adjudicated: state.adjudicated + 1,
    pending: null,
  };
  const credibilityChanges = Object.keys(guarantees).flatMap((gid) =>
    (['challenger', 'ally', 'public'] as const).map((audience) => {
      const after = credibility(next, gid, audience);
      return {
        subject: gid,
        metric: `credibility:${audience}`,
        before: credibility(state, gid, audience).value,
        after: after.value,
        why: after,
      };
    }),
  );
  const nuclearWar = Object.values(next.regions).some((r) => r.rung >= TOP_RUNG);
  const engine: Decisions = { success: drawnSuccess, rungs: drawnRungs, provocations: drawnProvocations, notes };
  const outcomes: Outcomes = {
    crises: crisisOutcomes,
    allies: { ...answers.allies },
    provocations: [...provocations],
    rungs,
    retakes,
    exitRamps,
    sanctions: sanctions.map((s) => ({ ...s, pressure: sanctionPressure(next, s.target).value })),
    overridden: forced ? overriddenOutcomes(engine, { success, rungs: mapStood(rungs), provocations }) : [],
  };
  const report: Report = {
    turn: state.turn,
    notes,
    changes: [...ledger.changes(), ...credibilityChanges],
    outcomes,
    // The engine's version is the one the White Cell reviewed.
    override: forced ? { reason: forced.reason, engine: state.pending?.engine ?? engine } : null,
  };
  const ended = nuclearWar ? { reason: 'general_nuclear_war' as const, turn: state.turn } : state.ended;
  const final: GameState = { ...next, report, ended };
  return { state: { ...final, scores: allScores(final) }, engine };
};

const mapStood = (rungs: Outcomes['rungs']): Record<string, number> =>
  Object.fromEntries(Object.entries(rungs).map(([id, r]) => [id, r.stood]));

/** Each outcome that stood differently from what the rules gave. */
const overriddenOutcomes = (
  engine: Decisions,
  stood: { success: Record<string, boolean>; rungs: Record<string, number>; provocations: readonly string[] },
): Outcomes['overridden'] => {
  const out: Outcomes['overridden'] = [];
  for (const [seat, drawn] of Object.entries(engine.success)) {
    const s = stood.success[seat] ?? drawn;
    if (s !== drawn) out.push({ kind: 'success', subject: seat, engine: drawn, stood: s });
  }
  for (const [region, drawn] of Object.entries(engine.rungs)) {
    const s = stood.rungs[region] ?? drawn;
    if (s !== drawn) out.push({ kind: 'rung', subject: region, engine: drawn, stood: s });
  }
  for (const ally of new Set([...engine.provocations, ...stood.provocations])) {
    const was = engine.provocations.includes(ally);
    const is = stood.provocations.includes(ally);
    if (was !== is) out.push({ kind: 'provocation', subject: ally, engine: was, stood: is });
  }
  return out;
};

// One turn's adjudication: spending, crises, provocations and escalation, in a fixed order.
// Draws always happen in the same order, so a White Cell override replaces outcomes, never the dice.
import type { Decisions, GameState, Report, World } from '../model/state.js';
import type { AllyResponse, GuarantorResponse, MoveType } from '../model/vocabulary.js';
import { TOP_RUNG } from '../model/vocabulary.js';
import { RngCursor } from '../rng.js';
import { applyAllianceEffects, provocationRisk } from './alliance.js';
import { audienceCost } from './audienceCosts.js';
import { type CrisisAnswers, crisisOdds } from './combat.js';
import { credibility } from './credibility.js';
import { applyAllocation, budget, burden, statusQuoAllocation, turnYears } from './economy.js';
import { type CrossingCause, crisisRung, escalateTheater } from './escalation.js';
import { Ledger } from './ledger.js';
import { allScores } from './scoring.js';
import { nationOf, nationSeats } from './seats.js';

/** The move that sets the decisive threat: escalation is coercion with a nuclear shadow. */
export const asForceful = (m: MoveType): 'probe' | 'coerce' | 'limited_attack' | 'major_attack' | null =>
  m === 'escalate'
    ? 'coerce'
    : m === 'probe' || m === 'coerce' || m === 'limited_attack' || m === 'major_attack'
      ? m
      : null;

const RECORD_KEY = { honor: 'honored', partial: 'partial', abandon: 'abandoned' } as const;

const isAttack = (m: MoveType): boolean => m === 'limited_attack' || m === 'major_attack';

/** Answers to the crises, by guarantee id and by ally nation id. */
const collectAnswers = (state: GameState): CrisisAnswers => {
  const guarantors: Record<string, GuarantorResponse> = {};
  for (const answers of Object.values(state.guarantorAnswers)) Object.assign(guarantors, answers);
  const allies: Record<string, AllyResponse> = {};
  for (const [seatId, choice] of Object.entries(state.allyAnswers)) {
    const nation = nationOf(state, seatId);
    if (nation) allies[nation] = choice;
  }
  return { guarantors, allies };
};

export interface Adjudicated {
  state: GameState;
  /** What the dice decided, before any override. */
  engine: Decisions;
}

/**
 * Resolves the turn. With `forced`, the facilitator's decisions replace the drawn outcomes
 * (same draws, so the journal can replay either version).
 */
export const adjudicate = (state: GameState, forced: { decisions: Decisions; reason: string } | null): Adjudicated => {
  const p = state.params;
  const rng = new RngCursor(state.rng);
  const ledger = new Ledger(state);
  const world: World = { ...state, nations: ledger.nations, guarantees: ledger.guarantees, regions: ledger.regions };
  const years = turnYears(state);
  const answers = collectAnswers(state);
  const notes: Decisions['notes'] = [];

  // 1. Spending: every nation seat's allocation (defaults were filled when its phase closed).
  for (const seat of nationSeats(state)) {
    const nation = seat.nation ?? '';
    const n = ledger.nations[nation];
    if (!n) continue;
    applyAllocation(ledger, world, nation, state.allocations[seat.id] ?? statusQuoAllocation(n, years));
  }
  for (const seat of state.seats.filter((s) => s.role === 'guarantor' && s.nation))
    ledger.nation(
      seat.nation ?? '',
      'consensus',
      'allies under-spending (burden)',
      -burden(world, seat.nation ?? '').value,
    );

  // 2. Crises: draw each challenger action's success on the local balance.
  const drawnSuccess: Record<string, boolean> = {};
  for (const c of state.crises) {
    const o = crisisOdds(world, c, answers);
    const draw = rng.float();
    const forceful = asForceful(c.move.type);
    drawnSuccess[c.challengerSeat] = forceful !== null && c.move.target !== null && draw < o.success;
    if (forceful)
      notes.push({
        subject: c.challengerSeat,
        text: `${c.move.type.replace('_', ' ')} on ${c.move.target}: chance of success ${(o.success * 100).toFixed(0)}%, draw ${(draw * 100).toFixed(0)} → ${drawnSuccess[c.challengerSeat] ? 'succeeds' : 'fails'}`,
        why: o.defense,
      });
  }
  const success = { ...drawnSuccess, ...(forced?.decisions.success ?? {}) };

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
  for (const c of state.crises) {
    const forceful = asForceful(c.move.type);
    const target = c.move.target;
    if (!forceful || !target) continue;
    const won = success[c.challengerSeat] === true;
    const label = `${c.move.type.replace('_', ' ')} by ${c.challenger}`;
    if (won) {
      ledger.nation(target, 'integrity', `${label} succeeded`, -p.integrityLoss[forceful]);
      ledger.nation(c.challenger, 'gains', `${label} succeeded`, p.integrityLoss[forceful]);
      ledger.nation(target, 'setbacks', `${label} succeeded`, 1);
    }
    if (isAttack(c.move.type)) {
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
    for (const gid of c.invoked) {
      const g = state.guarantees[gid];
      const choice = answers.guarantors[gid];
      if (!g || !choice) continue;
      history.push({
        turn: state.turn,
        guarantee: gid,
        guarantor: g.guarantor,
        region: c.region ?? '',
        challenger: c.challenger,
        choice,
      });
      const draft = ledger.guarantees[gid];
      if (draft) draft.record = { ...draft.record, [RECORD_KEY[choice]]: draft.record[RECORD_KEY[choice]] + 1 };
      if (won) ledger.nation(g.guarantor, 'setbacks', `${label} succeeded against its ally`, 1);
      applyAllianceEffects(ledger, world, gid, choice);
      const rung = crisisRung(state.regions[c.region ?? '']?.rung ?? 0, c.move.type);
      const cost = audienceCost(g.commitment, rung, choice, p);
      ledger.nation(g.guarantor, 'consensus', cost.terms[0]?.label ?? 'audience cost', -cost.value);
      const guarantor = ledger.nations[g.guarantor];
      if (choice === 'honor' && guarantor) {
        ledger.nation(
          g.guarantor,
          'obligations',
          `cost of honoring ${gid}`,
          p.honorCost[forceful] * budget(guarantor, years).value,
        );
        if (isAttack(c.move.type)) {
          const region = c.region ?? '';
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
    }
  }
  // Allies answer once per turn, whatever the number of crises.
  const targets = new Set(state.crises.map((c) => c.move.target));
  for (const [ally, choice] of Object.entries(answers.allies)) {
    if (choice === 'hedge') ledger.nation(ally, 'hedging', 'hedged in the crisis', 3);
    if (choice === 'accommodate' && !targets.has(ally))
      ledger.nation(ally, 'hedging', 'accommodated the challenger', 8);
    if (choice === 'contribute') ledger.nation(ally, 'consensus', 'cost of contributing forces', -1);
  }
  for (const ally of provocations) {
    for (const g of Object.values(state.guarantees).filter((x) => x.ally === ally))
      ledger.nation(g.guarantor, 'consensus', `entrapment: ${ally} provoked`, -2);
  }

  // 5. Escalation per theater, in scenario order.
  const drawnRungs: Record<string, number> = {};
  let precedent = state.precedent;
  for (const region of Object.values(state.regions)) {
    const crises = state.crises.filter((c) => c.region === region.id);
    const move = crises.map((c) => c.move.type).find((m) => m !== 'hold') ?? (crises.length > 0 ? 'hold' : null);
    const honoring = crises.flatMap((c) =>
      asForceful(c.move.type) ? c.invoked.filter((gid) => answers.guarantors[gid] === 'honor') : [],
    );
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
      },
      p,
      rng,
    );
    drawnRungs[region.id] = result.rung.value;
    for (const t of result.rung.terms.slice(1)) ledger.rung(region.id, t.label, t.value);
    const finalRung = forced?.decisions.rungs[region.id] ?? result.rung.value;
    ledger.rung(region.id, `White Cell override: ${forced?.reason ?? ''}`, finalRung - result.rung.value);
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
  }

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
  const report: Report = {
    turn: state.turn,
    notes,
    changes: [...ledger.changes(), ...credibilityChanges],
    // The engine's version is the one the White Cell reviewed.
    override: forced ? { reason: forced.reason, engine: state.pending?.engine ?? engine } : null,
  };
  const ended = nuclearWar ? { reason: 'general_nuclear_war' as const, turn: state.turn } : state.ended;
  const final: GameState = { ...next, report, ended };
  return { state: { ...final, scores: allScores(final) }, engine };
};

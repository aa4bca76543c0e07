// Answers when a guarantee is invoked. The guarantor weighs what honoring protects (the ally's
// expected losses, its reputation, its public commitment, the treaty's clarity) against what it
// costs (budget, escalation, a tired public). Allies weigh their own odds and their protector's.
import type { Command } from '../protocol/commands.js';
import { audienceCost, bindingCommitment } from '../rules/audienceCosts.js';
import { crisisOdds } from '../rules/combat.js';
import { credibility } from '../rules/credibility.js';
import { asForceful, isArmedMove } from '../rules/moves.js';
import type { RngCursor } from '../rng.js';
import type { GameView } from '../view/viewFor.js';
import type { Disposition, PolicyName } from './policies.js';
import { eventualRetakeChance } from '../rules/occupation.js';
import { decisionWeight } from '../rules/reputation.js';
import { nationOf } from '../rules/seats.js';
import type { NuclearStep } from '../model/vocabulary.js';

/** Spread of the noise on each valuation: leaders read the same facts differently. */
export const JUDGEMENT_NOISE = 15;
/** Half-width of the band around break-even where a partial answer (sanctions and arms) is worth it. */
const PARTIAL_BAND = 4;
/** Points a guarantor counts per rung for going to war (its public's fear of escalation). */
const WAR_COST_PER_RUNG = 3;
/** What ground retaken in a later turn is worth now: a long war's outcome is uncertain. */
const LATER = 0.3;
/** Points one unit of reputation is worth to a guarantor, per guarantee it holds. */
const REPUTATION_WORTH = 12;

/** Value of honoring guarantee `gid` rather than abandoning it, in score-like points. */
export const honorValue = (view: GameView, gid: string): number => {
  const g = view.guarantees[gid];
  const crisis = view.crises.find((c) => c.invoked.includes(gid));
  const guarantor = g && view.nations[g.guarantor];
  if (!g || !crisis || !guarantor) return 0;
  const p = view.params;
  // The rules' own reading of the move: a nuclear signal weighs as coercion, nuclear use as a major attack.
  const move = asForceful(crisis.move.type) ?? 'probe';
  const rung = view.regions[crisis.region ?? '']?.rung ?? 0;
  const ifAbandoned = crisisOdds(view, crisis, { guarantors: { [gid]: 'abandon' }, allies: {} }).success;
  const ifHonored = crisisOdds(view, crisis, { guarantors: { [gid]: 'honor' }, allies: {} }).success;
  const held = Object.values(view.guarantees).filter((x) => x.guarantor === g.guarantor).length;
  const protects = p.integrityLoss[move] * (ifAbandoned - ifHonored) * (0.5 + g.ties);
  // Honoring an attack commits to taking lost ground back once reinforcement has arrived.
  const war = isArmedMove(crisis.move.type) && g.type !== 'economic';
  const retake = war ? eventualRetakeChance(view, g.ally, crisis.challenger, [g.guarantor]) : 0;
  const liberates = LATER * p.integrityLoss[move] * ifHonored * retake * (0.5 + g.ties);
  // What the decision says to every other ally weighs as much as the rules weigh it (type, words).
  const reputation = p.reputationStep * REPUTATION_WORTH * held * (0.5 + g.clarity) * decisionWeight(g, p);
  const audience = audienceCost(bindingCommitment(g, p), rung, 'abandon', p).value;
  const cost = p.honorCost[move] * 100 * (g.type === 'economic' ? 0.5 : 1) + (war ? WAR_COST_PER_RUNG * (rung + 1) : 0);
  const tired = Math.max(0, 40 - guarantor.consensus) / 2;
  return protects + liberates + reputation + audience - cost - tired;
};

export const answerAsGuarantor = (
  view: GameView,
  _seat: string,
  legal: Command[],
  policy: PolicyName,
  d: Disposition,
  rng: RngCursor,
): Command | null => {
  const first = legal.find((c) => c.type === 'answer_guarantee');
  if (!first || first.type !== 'answer_guarantee') return null;
  const gid = first.guarantee;
  const answer = (choice: 'honor' | 'partial' | 'abandon'): Command => ({
    type: 'answer_guarantee',
    guarantee: gid,
    choice,
  });
  const noise = rng.spread(JUDGEMENT_NOISE);
  if (policy === 'honor') return answer('honor');
  if (policy === 'abandon') return answer('abandon');
  const value = honorValue(view, gid) + d.honorBias + noise;
  // Partial answers sit between: worth taking when honoring is close to break-even.
  if (value > PARTIAL_BAND) return withNuclearStep(view, legal, gid, d, answer('honor'));
  if (value > -PARTIAL_BAND) return answer('partial');
  return answer('abandon');
};

/**
 * A nuclear-armed guarantor that honors answers nuclear with nuclear: it signals back when the
 * challenger signaled or used nuclear weapons, and a hawk meets nuclear use with use.
 */
const withNuclearStep = (view: GameView, legal: Command[], gid: string, d: Disposition, honor: Command): Command => {
  const crisis = view.crises.find((c) => c.invoked.includes(gid));
  const nuclearMove = crisis?.move.type === 'nuclear_signal' || crisis?.move.type === 'nuclear_use';
  if (!nuclearMove) return honor;
  const want: NuclearStep = crisis?.move.type === 'nuclear_use' && d.honorBias > 0 ? 'use' : 'signal';
  const step = legal.find((c) => c.type === 'answer_guarantee' && c.guarantee === gid && c.nuclear === want);
  return step ?? honor;
};

export const answerAsAlly = (
  view: GameView,
  seat: string,
  legal: Command[],
  d: Disposition,
  rng: RngCursor,
): Command | null => {
  if (!legal.some((c) => c.type === 'answer_ally')) return null;
  const nation = nationOf(view, seat);
  const noise = rng.spread(JUDGEMENT_NOISE);
  const crisis = view.crises.find((c) => c.move.target === nation) ?? view.crises[0];
  const region = view.nations[nation]?.region;
  const protection = Math.max(
    0,
    ...Object.values(view.guarantees)
      .filter((g) => g.ally === nation)
      .map((g) => credibility(view, g.id, 'ally').value),
  );
  let value: number;
  if (crisis?.move.target === nation) {
    // The target resists unless it stands alone against hopeless odds.
    const odds = crisisOdds(view, crisis, { guarantors: {}, allies: {} }).success;
    value = 30 - 40 * odds + protection / 2;
  } else {
    // Others contribute when the fight is next door and their protector looks reliable.
    value = (crisis?.region === region ? 10 : -10) + (protection - 50) / 2;
  }
  value += d.contributeBias + noise;
  const choice = value > 0 ? 'contribute' : crisis?.move.target === nation && value < -20 ? 'accommodate' : 'hedge';
  return { type: 'answer_ally', choice };
};

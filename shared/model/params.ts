// Every tunable number of the rules, in one documented place (docs/RULES.md explains each).
// A scenario may override any of them through its `params` field.
import { z } from 'zod';

const weights = z.strictObject({
  capability: z.number().min(0),
  nuclear: z.number().min(0),
  interests: z.number().min(0),
  resolve: z.number().min(0),
  clarity: z.number().min(0),
  reputation: z.number().min(0),
});
export type CredibilityWeights = z.infer<typeof weights>;

const perMove = z.strictObject({
  probe: z.number(),
  coerce: z.number(),
  limited_attack: z.number(),
  major_attack: z.number(),
});
export type PerMove = z.infer<typeof perMove>;

const perType = z.strictObject({
  treaty: z.number().min(0),
  extended_deterrence: z.number().min(0),
  assurance: z.number().min(0),
  economic: z.number().min(0),
});
export type PerType = z.infer<typeof perType>;

export const ParamsSchema = z.strictObject({
  // Economy: a turn's budget and what money buys.
  /** $bn of modernization that becomes one force point (FP) of capability, before industry. */
  bnPerForcePoint: z.number().positive(),
  /** $bn of forward-posture spending that becomes one FP stationed in a region. */
  bnPerForwardPoint: z.number().positive(),
  /** Share of capability lost each year to wear and obsolescence. */
  capabilityDepreciation: z.number().min(0).max(1),
  /** Share of forward posture that rotates home each year unless funded again. */
  postureDecay: z.number().min(0).max(1),
  /** $bn per FP per year that keeps forces fully ready. */
  readinessUpkeep: z.number().positive(),
  /** How fast readiness moves toward what this turn's spending pays for (0..1 per turn). */
  readinessResponse: z.number().min(0).max(1),
  /** Share of capability that fights at zero readiness; the rest needs readiness. */
  unreadyFloor: z.number().min(0).max(1),
  /** Share of a distant nation's capability that can reinforce a region it has no reach entry for. */
  defaultReach: z.number().min(0).max(1),
  /** How many $bn of aid raise an ally's ties to its donor by 0.01. */
  aidPerTie: z.number().positive(),
  /** Resilience aid adds per 1% of the recipient's GDP (it arrives the turn after). */
  resiliencePerAidPct: z.number().min(0),
  /** Share of resilience that wears off each turn. */
  resilienceDecay: z.number().min(0).max(1),

  // Time: reinforcement from outside a theater, and sanctions.
  /** Turns a nation's reinforcement takes to arrive in full where the scenario does not say. */
  reinforcementTurns: z.int().min(0).max(12),
  /** Weight of reinforcement not yet arrived in credibility: what is far away counts for less. */
  distantWeight: z.number().min(0).max(1),
  /** Share of a sanctioner's economic weight that bites at full strength. */
  sanctionStrength: z.number().min(0).max(1),
  /** Turns a sanction takes to bite in full. */
  sanctionRampTurns: z.int().min(1).max(12),
  /** Share of the target's budget lost at full pressure (revenue). */
  sanctionRevenueHit: z.number().min(0).max(1),
  /** Growth points per year the target loses at full pressure. */
  sanctionGrowthHit: z.number().min(0),
  /** Consensus the target loses per turn at full pressure. */
  sanctionConsensusHit: z.number().min(0),
  /** Share of the smaller economy each sanctioner loses in trade per year. */
  sanctionTradeCost: z.number().min(0),
  /** Share of a challenger's expected gains lost at full pressure (what it takes is worth less). */
  sanctionGainDiscount: z.number().min(0).max(1),

  // Guns versus butter.
  /** Defense % of GDP above which spending strains the economy, unless the nation sets its own. */
  sustainableDefenseShare: z.number().positive(),
  /** Share of last turn's strain that carries over: sustained over-spending accumulates. */
  strainPersistence: z.number().min(0).max(1),
  /** Growth points lost per point of strain. */
  growthPerStrain: z.number().min(0),
  /** Consensus points lost per point of strain. */
  consensusPerStrain: z.number().min(0),
  /** Consensus the public drifts back toward, and how fast (share per turn). */
  consensusBaseline: z.number().min(0).max(100),
  consensusDrift: z.number().min(0).max(1),
  /** Consensus gained per turn when the whole budget goes to domestic spending (scaled). */
  consensusPerDomesticShare: z.number().min(0),
  /** Ally defense % of GDP its guarantor expects; the shortfall is the guarantor's burden. */
  burdenTarget: z.number().min(0),
  /** Guarantor consensus lost per point of an ally's shortfall. */
  consensusPerBurdenPoint: z.number().min(0),
  /** Share of the interests term an ally loses when it spends nothing against the burden target. */
  burdenCredibility: z.number().min(0).max(1),

  // Credibility.
  /** Credibility weights per audience; current calculus outweighs reputation about 2:1. */
  audienceWeights: z.strictObject({ challenger: weights, ally: weights, public: weights }),
  /** Share of the capability score from the local balance; the rest from tripwire forces. */
  balanceShare: z.number().min(0).max(1),
  /** FP of forward forces at which the tripwire score reaches 63% (1 − 1/e): diminishing returns. */
  tripwireScale: z.number().positive(),
  /** Weight of consensus within resolve; the rest is public commitment (audience costs). */
  consensusInResolve: z.number().min(0).max(1),
  /** Immediate deterrence: points per unit of public commitment (red lines accumulate and stay). */
  redLineBonus: z.number().min(0),
  /** Immediate deterrence: points lost when intelligence exposed a red line without forces. */
  bluffPenalty: z.number().min(0),

  // Guarantee types.
  /** Weight of a decision in reputation and in other allies' hedging, by type (treaties weigh most). */
  typeWeight: perType,
  /** Commitment a type carries without any red line: audience costs of abandoning a legal obligation. */
  legalCommitment: perType,
  /** Share of the nuclear term a type lends; extended deterrence depends wholly on the funded umbrella. */
  umbrellaByType: perType,

  // Reputation.
  /** Reputation step per decision (honor +1, partial −partialValue, abandon −1). */
  reputationStep: z.number().min(0),
  partialValue: z.number(),
  /** Share of a past decision's weight that survives each turn. */
  reputationDecay: z.number().min(0).max(1),
  /** Weight of a decision on another guarantee: base, plus same region, plus same challenger. */
  spilloverBase: z.number().min(0),
  spilloverSameRegion: z.number().min(0),
  spilloverSameChallenger: z.number().min(0),

  // Challenger calculus and combat.
  /** Steepness of the contest function: P(win) = C^k / (C^k + D^k). */
  contestExponent: z.number().positive(),
  /** Value of success per move, as a share of the target's stakes × 100. */
  moveGain: perMove,
  /** Cost of fighting the guarantor, per move, in the same points. */
  warCost: perMove,
  /** Cost of acting at all (sanctions, opprobrium), per move. */
  actionCost: perMove,
  /** Target integrity lost when the move succeeds. */
  integrityLoss: perMove,
  /** Share of committed capability lost by each side in a fight. */
  attrition: perMove,
  /** Share of the guarantor's next budget an honored response costs. */
  honorCost: perMove,
  /** Share of its local force a contributing ally adds to the defense. */
  contributionShare: z.number().min(0).max(1),
  /** Share of the guarantor's local force that a partial response (arms, aid) adds. */
  partialShare: z.number().min(0).max(1),
  /** Share of the guarantor's honoring cost an economic guarantee sends as aid to its ally. */
  economicAidShare: z.number().min(0).max(1),
  /** Share of a guarantor's force whose shadow, times credibility, stiffens an ally against threats its guarantee does not cover. */
  allianceShadow: z.number().min(0).max(1),
  /** Extra force a nuclear threat lends the challenger in coercion, as a share of its own. */
  nuclearLeverage: z.number().min(0),
  /** Extra defense a guarantor's nuclear signal lends, per unit of funded umbrella. */
  signalDeterrence: z.number().min(0),
  /** Extra force limited nuclear use lends its user, as a share of its own. */
  nuclearUseForce: z.number().min(0),
  /** Consensus a nation pays for using nuclear weapons. */
  nuclearUseConsensus: z.number().min(0),
  /** Added to a theater's chance of an inadvertent jump per nuclear step taken there this turn. */
  nuclearStepRisk: z.number().min(0).max(1),
  /** Points a challenger expects to lose attacking a nuclear power's homeland (retaliation). */
  homelandRetaliation: z.number().min(0),
  /** Consensus a challenger gains per integrity point its success takes (rally round the flag). */
  successRally: z.number().min(0),
  /** Share of an occupation's ground a challenger keeps when it takes an exit ramp. */
  exitRampKept: z.number().min(0).max(1),
  /** Consensus a challenger saves by taking an exit ramp rather than backing down unasked. */
  exitRampFace: z.number().min(0),

  // Escalation.
  /** Resistance to crossing a rung for the first time (index = rung); 0 = no threshold. */
  thresholdResistance: z.array(z.number().min(0).max(1)).length(9),
  /** Multiplier on resistance once the rung has been crossed anywhere (precedent broken). */
  precedentDiscount: z.number().min(0).max(1),
  /** Per-turn chance, per rung, of an inadvertent jump one rung up. */
  inadvertentPerRung: z.number().min(0).max(1),
  /** Chance that honoring any forceful move spirals the theater one rung higher. */
  spiralChance: z.number().min(0).max(1),
  /** Chance that a quiet theater cools one rung. */
  coolingChance: z.number().min(0).max(1),
  /** Consensus the crossing nation pays when it breaks a threshold for the first time. */
  thresholdConsensusCost: z.number().min(0),

  // Alliance dilemma and audience costs.
  /** Consensus lost for backing down from a full public commitment at rung 0. */
  audienceCost: z.number().min(0),
  /** How much each rung multiplies the audience cost (Tomz 2007: grows with escalation). */
  audienceCostPerRung: z.number().min(0),
  /** Hedging points other allies add when their guarantor abandons someone. */
  abandonHedging: z.number().min(0),
  /** Per-turn chance of an ally provocation at full clarity and credibility (entrapment). */
  provocationBase: z.number().min(0).max(1),

  // Intelligence and events.
  /** Chance per turn that a nation with intel 1 sees another seat's allocation. */
  intelBase: z.number().min(0).max(1),
  /** Chance per turn that a random event from the scenario's deck fires at briefing. */
  randomEventChance: z.number().min(0).max(1),
});
export type Params = z.infer<typeof ParamsSchema>;

/** The defaults. Changing one changes the game: update docs/RULES.md and the golden files. */
export const DEFAULT_PARAMS: Params = {
  bnPerForcePoint: 3,
  bnPerForwardPoint: 4,
  capabilityDepreciation: 0.08,
  postureDecay: 0.15,
  readinessUpkeep: 0.3,
  readinessResponse: 0.3,
  unreadyFloor: 0.4,
  defaultReach: 0.1,
  aidPerTie: 2,
  resiliencePerAidPct: 0.1,
  resilienceDecay: 0.15,

  reinforcementTurns: 2,
  distantWeight: 0.5,
  sanctionStrength: 0.6,
  sanctionRampTurns: 2,
  sanctionRevenueHit: 0.25,
  sanctionGrowthHit: 2,
  sanctionConsensusHit: 1.5,
  sanctionTradeCost: 0.02,
  sanctionGainDiscount: 0.4,

  sustainableDefenseShare: 4,
  strainPersistence: 0.7,
  growthPerStrain: 0.4,
  consensusPerStrain: 2,
  consensusBaseline: 60,
  consensusDrift: 0.1,
  consensusPerDomesticShare: 4,
  burdenTarget: 2,
  consensusPerBurdenPoint: 0.5,
  burdenCredibility: 0.5,

  audienceWeights: {
    challenger: { capability: 0.3, nuclear: 0.07, interests: 0.12, resolve: 0.1, clarity: 0.08, reputation: 0.33 },
    ally: { capability: 0.22, nuclear: 0.08, interests: 0.12, resolve: 0.12, clarity: 0.13, reputation: 0.33 },
    public: { capability: 0.15, nuclear: 0.05, interests: 0.22, resolve: 0.2, clarity: 0.05, reputation: 0.33 },
  },
  balanceShare: 0.6,
  tripwireScale: 5,
  consensusInResolve: 0.7,
  redLineBonus: 8,
  bluffPenalty: 10,

  typeWeight: { treaty: 1, extended_deterrence: 0.8, assurance: 0.4, economic: 0.3 },
  legalCommitment: { treaty: 0.4, extended_deterrence: 0.3, assurance: 0, economic: 0 },
  umbrellaByType: { treaty: 0.6, extended_deterrence: 1, assurance: 0.3, economic: 0 },

  reputationStep: 0.2,
  partialValue: 0.3,
  reputationDecay: 0.8,
  spilloverBase: 0.4,
  spilloverSameRegion: 0.3,
  spilloverSameChallenger: 0.3,

  contestExponent: 1.5,
  moveGain: { probe: 8, coerce: 25, limited_attack: 55, major_attack: 100 },
  warCost: { probe: 6, coerce: 15, limited_attack: 45, major_attack: 90 },
  actionCost: { probe: 0.5, coerce: 2, limited_attack: 6, major_attack: 12 },
  integrityLoss: { probe: 2, coerce: 5, limited_attack: 15, major_attack: 35 },
  attrition: { probe: 0, coerce: 0, limited_attack: 0.05, major_attack: 0.12 },
  honorCost: { probe: 0.02, coerce: 0.04, limited_attack: 0.1, major_attack: 0.2 },
  contributionShare: 0.5,
  partialShare: 0.15,
  economicAidShare: 0.5,
  allianceShadow: 0.6,
  nuclearLeverage: 0.5,
  signalDeterrence: 0.5,
  nuclearUseForce: 1,
  nuclearUseConsensus: 25,
  nuclearStepRisk: 0.03,
  homelandRetaliation: 80,
  successRally: 0.5,
  exitRampKept: 0.5,
  exitRampFace: 4,

  thresholdResistance: [0, 0.1, 0.2, 0.3, 0.5, 0.4, 0.7, 0.8, 0.9],
  precedentDiscount: 0.4,
  inadvertentPerRung: 0.015,
  spiralChance: 0.25,
  coolingChance: 0.5,
  thresholdConsensusCost: 5,

  audienceCost: 10,
  audienceCostPerRung: 0.25,
  abandonHedging: 15,
  provocationBase: 0.12,

  intelBase: 0.35,
  randomEventChance: 0.3,
};

/** A scenario's partial override: any top-level parameter may be replaced. */
export const ParamsOverrideSchema = ParamsSchema.partial();
export type ParamsOverride = z.infer<typeof ParamsOverrideSchema>;

export const mergeParams = (override: ParamsOverride | undefined): Params => ({
  ...DEFAULT_PARAMS,
  ...override,
});

// The fixed words of the game. Everything else refers to these, so a typo is a type error.

/** Who sits at a seat. Facilitator (White Cell) and observer are never scored. */
export const ROLES = ['guarantor', 'ally', 'challenger', 'facilitator', 'observer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that control a nation and are scored. */
export const NATION_ROLES = ['guarantor', 'ally', 'challenger'] as const;
export type NationRole = (typeof NATION_ROLES)[number];

/** The seven phases of a turn, in order (DESIGN.md "A turn"). */
export const PHASES = [
  'briefing',
  'diplomacy',
  'allocation',
  'challenger_move',
  'responses',
  'adjudication',
  'results',
] as const;
export type Phase = (typeof PHASES)[number];

/** Kinds of guarantee, from the strongest legal form to the loosest. */
export const GUARANTEE_TYPES = ['treaty', 'extended_deterrence', 'assurance', 'economic'] as const;
export type GuaranteeType = (typeof GUARANTEE_TYPES)[number];

/** The threats a guarantee can cover (its scope). */
export const THREAT_KINDS = ['gray_zone', 'coercion', 'armed_attack', 'nuclear_threat'] as const;
export type ThreatKind = (typeof THREAT_KINDS)[number];

/** What a challenger may do in a turn. */
export const MOVE_TYPES = [
  'hold',
  'probe',
  'coerce',
  'limited_attack',
  'major_attack',
  'escalate',
  'de_escalate',
  'nuclear_signal',
  'nuclear_use',
] as const;
export type MoveType = (typeof MOVE_TYPES)[number];

/** A guarantor's answer when one of its guarantees is invoked. */
export const GUARANTOR_RESPONSES = ['honor', 'partial', 'abandon'] as const;
export type GuarantorResponse = (typeof GUARANTOR_RESPONSES)[number];

/** An ally's answer when a guarantee of its guarantor is invoked. */
export const ALLY_RESPONSES = ['contribute', 'hedge', 'accommodate'] as const;
export type AllyResponse = (typeof ALLY_RESPONSES)[number];

/**
 * Public statements: words that cost nothing until they create audience costs. Sanctions are
 * declared in public too: imposed and lifted by statement, in force until lifted.
 */
export const STATEMENT_KINDS = ['red_line', 'clarify', 'narrow', 'exit_ramp', 'sanction', 'lift_sanctions'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

/** The nuclear steps a nuclear-armed seat may choose: signaling first, then limited use. */
export const NUCLEAR_STEPS = ['signal', 'use'] as const;
export type NuclearStep = (typeof NUCLEAR_STEPS)[number];

/** Eras a scenario can be set in: calibration compares it with that era's published rates. */
export const ERAS = ['historical', 'cold_war', 'contemporary'] as const;
export type Era = (typeof ERAS)[number];

/** The escalation ladder, after Kahn (1965), condensed to nine rungs. Index = rung number. */
export const RUNGS = [
  'peace',
  'gray_zone',
  'crisis',
  'mobilization',
  'limited_war',
  'major_war',
  'nuclear_signaling',
  'limited_nuclear_use',
  'general_nuclear_war',
] as const;
export type RungName = (typeof RUNGS)[number];
export const TOP_RUNG = RUNGS.length - 1;

/** Whose eyes a guarantee's credibility is judged through. */
export const AUDIENCES = ['challenger', 'ally', 'public'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Spending lines of an allocation. Forward posture and aid are split further by region/nation. */
export const SPENDING_LINES = [
  'readiness',
  'forwardPosture',
  'modernization',
  'extendedDeterrence',
  'foreignAid',
  'domestic',
] as const;
export type SpendingLine = (typeof SPENDING_LINES)[number];

/** Bot policies a seat can be given (shared/bots implements them; docs/BOTS.md describes them). */
export const POLICY_NAMES = ['calculating', 'hawk', 'dove', 'random', 'honor', 'abandon', 'free-rider'] as const;
export type PolicyName = (typeof POLICY_NAMES)[number];

/** Policies fixed to one role: they exist for experiments on that role's choices. */
export const POLICY_ROLE: Readonly<Partial<Record<PolicyName, Role>>> = {
  honor: 'guarantor',
  abandon: 'guarantor',
  'free-rider': 'ally',
};

/** Moves only a nuclear-armed challenger can make. */
export const NUCLEAR_MOVES: readonly MoveType[] = ['nuclear_signal', 'nuclear_use'];

/** Why a match ended. */
export const END_REASONS = ['turns_complete', 'general_nuclear_war'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** Which threat a challenger move poses, and so which guarantees it invokes. */
export const MOVE_THREAT: Readonly<Record<MoveType, ThreatKind | null>> = {
  hold: null,
  probe: 'gray_zone',
  coerce: 'coercion',
  limited_attack: 'armed_attack',
  major_attack: 'armed_attack',
  escalate: 'nuclear_threat',
  de_escalate: null,
  nuclear_signal: 'nuclear_threat',
  // Limited nuclear use is an armed attack: every guarantee that covers one is invoked.
  nuclear_use: 'armed_attack',
};

/** Moves that need a target nation (de-escalation names the nation whose theater it cools). */
export const TARGETED_MOVES: readonly MoveType[] = [
  'probe',
  'coerce',
  'limited_attack',
  'major_attack',
  'escalate',
  'de_escalate',
  'nuclear_signal',
  'nuclear_use',
];

// The whole match as one plain, serialisable value. Secret parts are listed in view/viewFor.ts.
import { z } from 'zod';
import { ParamsSchema } from './params.js';
import { AllocationSchema, ChallengerMoveSchema, StatementSchema } from './commands.js';
import { EventCardSchema, ObjectivesSchema, TimersSchema } from './scenario.js';
import {
  ALLY_RESPONSES,
  END_REASONS,
  GUARANTEE_TYPES,
  GUARANTOR_RESPONSES,
  MOVE_TYPES,
  NUCLEAR_STEPS,
  PHASES,
  ROLES,
  THREAT_KINDS,
} from './vocabulary.js';

/**
 * The state's format. A journal stores states of the format it was written in; a state of an
 * older format is brought up to this one by record/migrate.ts before anything reads it.
 */
export const STATE_FORMAT = 2;

const num = z.number();
const termSchema = z.object({ label: z.string(), value: num });
export const ExplainedSchema = z.object({ value: num, terms: z.array(termSchema) });

export const SeatSchema = z.object({
  id: z.string(),
  role: z.enum(ROLES),
  /** The nation this seat plays; null for facilitator and observer. */
  nation: z.string().nullable(),
});
export type Seat = z.infer<typeof SeatSchema>;

export const NationStateSchema = z.object({
  id: z.string(),
  name: z.string(),
  region: z.string(),
  gdp: num,
  /** GDP at the start, for the fiscal score. */
  gdp0: num,
  /** Growth before strain, % per year. */
  trendGrowth: num,
  /** Growth realised last turn, % per year. */
  growth: num,
  budgetShare: num,
  sustainableShare: num,
  /** Defense % of GDP actually spent last turn (public: budgets are published). */
  defenseShare: num,
  /** Defense % of GDP at the start: what a government's plans are anchored to. */
  defenseShare0: num,
  capability: num,
  capability0: num,
  /** FP bought last turn that enter service next turn (procurement lag). */
  pipeline: num,
  readiness: num,
  posture: z.record(z.string(), num),
  /** FP of forward posture bought this turn, in place next turn (deployment takes time). */
  postureOrdered: z.record(z.string(), num),
  reach: z.record(z.string(), num),
  /** Turns its reinforcement takes to reach each region in full (0 = already at hand). */
  reinforcementTurns: z.record(z.string(), z.int()),
  /** 0..1 per region: share of its reinforcement (reach) that has arrived there. */
  arrived: z.record(z.string(), num),
  industrialBase: num,
  consensus: num,
  debt: num,
  nuclear: z.boolean(),
  intel: num,
  stakes: num,
  /** 0..100: territory and sovereignty intact. */
  integrity: num,
  /** 0..100: what a challenger has taken or extracted. */
  gains: num,
  /** Accumulated over-spending (guns versus butter). */
  strain: num,
  /** $bn owed from the next budget (the cost of honoring). */
  obligations: num,
  /** 0..1: readiness of the nuclear umbrella a guarantor extends. */
  umbrella: num,
  /** 0..100: how far an ally hedges away from its guarantor. */
  hedging: num,
  /** Successful challenger actions suffered (allies) or suffered by its allies (guarantors). */
  setbacks: z.int(),
  /** 0..1: how well its society and economy withstand coercion (raised by aid and its own defense effort). */
  resilience: num,
  /** 0..1: resilience at the start, kept up by defense spending at the starting share. */
  resilience0: num,
  /** $bn of aid received this turn: it enters service next turn as capability and resilience. */
  aidInbound: num,
  /** 0..1: share of its revenue sanctions take (set each adjudication, felt in the next budget). */
  revenueLost: num,
});
export type NationState = z.infer<typeof NationStateSchema>;

export const GuaranteeStateSchema = z.object({
  id: z.string(),
  guarantor: z.string(),
  ally: z.string(),
  type: z.enum(GUARANTEE_TYPES),
  clarity: num,
  scope: z.array(z.enum(THREAT_KINDS)),
  ties: num,
  /** 0..1: public commitment (red lines) that creates audience costs. */
  commitment: num,
  record: z.object({ honored: z.int(), partial: z.int(), abandoned: z.int() }),
  /** 0..1: reputation carried in from history before the match. */
  prior: num,
});
export type GuaranteeState = z.infer<typeof GuaranteeStateSchema>;

export const RegionStateSchema = z.object({
  id: z.string(),
  name: z.string(),
  rung: z.int(),
  /** The highest rung this theater has reached. */
  peak: z.int(),
});
export type RegionState = z.infer<typeof RegionStateSchema>;

/** A guarantor's decision on an invoked guarantee: the stuff reputation is made of. */
export const DecisionRecordSchema = z.object({
  turn: z.int(),
  guarantee: z.string(),
  guarantor: z.string(),
  region: z.string(),
  challenger: z.string(),
  choice: z.enum(GUARANTOR_RESPONSES),
  /** How much this decision weighs in the guarantor's reputation: its guarantee's type and commitment. */
  weight: num,
});
export type DecisionRecord = z.infer<typeof DecisionRecordSchema>;

/** A challenger's move once executed: public from the responses phase on. */
export const CrisisSchema = z.object({
  challengerSeat: z.string(),
  challenger: z.string(),
  move: ChallengerMoveSchema,
  region: z.string().nullable(),
  /** Guarantees whose scope covers this move against this target. */
  invoked: z.array(z.string()),
  /** Immediate deterrence of each invoked guarantee at the moment of the move. */
  immediate: z.record(z.string(), ExplainedSchema),
});
export type Crisis = z.infer<typeof CrisisSchema>;

/** Sanctions one nation imposes on another, in force from `since` until the sender lifts them. */
export const SanctionSchema = z.object({ sender: z.string(), target: z.string(), since: z.int() });
export type Sanction = z.infer<typeof SanctionSchema>;

/** Ground a challenger seized (a fait accompli): held until retaken, or given back on an exit ramp. */
export const OccupationSchema = z.object({
  target: z.string(),
  by: z.string(),
  region: z.string(),
  since: z.int(),
  /** Integrity points of the target it holds. */
  integrity: num,
  /** Guarantors that honored the attack: they fight to retake it. */
  liberators: z.array(z.string()),
});
export type Occupation = z.infer<typeof OccupationSchema>;

export const RevealSchema = z.object({
  to: z.string(),
  about: z.string(),
  allocation: AllocationSchema,
  /** True when the seat's words (a red line) are not backed by forward spending there. */
  gap: z.boolean(),
  /** Guarantees whose red line the reveal exposed as a bluff. */
  exposed: z.array(z.string()),
});
export type Reveal = z.infer<typeof RevealSchema>;

/** The random draws and outcomes of one adjudication: what the facilitator reviews and may override. */
export const DecisionsSchema = z.object({
  /** Per crisis (by challenger seat): did the challenger's action succeed? */
  success: z.record(z.string(), z.boolean()),
  /** Rung of each theater after the turn. */
  rungs: z.record(z.string(), z.int().min(0).max(8)),
  /** Allies whose provocation fired this turn (entrapment). */
  provocations: z.array(z.string()),
  /** Explanations of each drawn outcome. */
  notes: z.array(z.object({ subject: z.string(), text: z.string(), why: ExplainedSchema.nullable() })),
});
export type Decisions = z.infer<typeof DecisionsSchema>;

export const PendingSchema = z.object({
  engine: DecisionsSchema,
  override: z.object({ decisions: DecisionsSchema, reason: z.string() }).nullable(),
});

/** One explained change, as shown in the turn log. */
export const ChangeSchema = z.object({
  subject: z.string(),
  metric: z.string(),
  before: num,
  after: num,
  why: ExplainedSchema,
});
export type Change = z.infer<typeof ChangeSchema>;

/** One crisis as it came out: what a client shows, as data (never parsed from the notes). */
export const CrisisOutcomeSchema = z.object({
  challengerSeat: z.string(),
  challenger: z.string(),
  move: z.enum(MOVE_TYPES),
  target: z.string().nullable(),
  region: z.string().nullable(),
  /** The threat the move posed (the scope it invoked), null for hold and de-escalation. */
  threat: z.enum(THREAT_KINDS).nullable(),
  /** Chance of success and the draw, 0..1; null for moves that cannot succeed. */
  chance: num.nullable(),
  draw: num.nullable(),
  /** What the dice gave, and what stood (the White Cell may override). */
  drawn: z.boolean(),
  success: z.boolean(),
  /** Each invoked guarantee's answer. */
  answers: z.record(z.string(), z.enum(GUARANTOR_RESPONSES)),
  /** Nuclear steps guarantors took with their answers, by guarantee. */
  nuclear: z.record(z.string(), z.enum(NUCLEAR_STEPS)),
  /** The challenger seized ground: an occupation began. */
  seized: z.boolean(),
});
export type CrisisOutcome = z.infer<typeof CrisisOutcomeSchema>;

/** A counteroffensive against an occupation. */
export const RetakeOutcomeSchema = z.object({
  target: z.string(),
  by: z.string(),
  region: z.string(),
  chance: num,
  draw: num,
  success: z.boolean(),
});

/** One outcome the White Cell set, beside what the rules gave. */
export const OverrideSetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('success'), subject: z.string(), engine: z.boolean(), stood: z.boolean() }),
  z.object({ kind: z.literal('rung'), subject: z.string(), engine: z.int(), stood: z.int() }),
  z.object({ kind: z.literal('provocation'), subject: z.string(), engine: z.boolean(), stood: z.boolean() }),
]);
export type OverrideSet = z.infer<typeof OverrideSetSchema>;

/** Everything the turn decided, as fields: crises, theaters, retakes, exit ramps, sanctions, overrides. */
export const OutcomesSchema = z.object({
  crises: z.array(CrisisOutcomeSchema),
  /** Each answering ally's choice, by nation. */
  allies: z.record(z.string(), z.enum(ALLY_RESPONSES)),
  /** Allies whose provocation stood. */
  provocations: z.array(z.string()),
  /** Each theater's rung: at the start, as drawn, and as it stood. */
  rungs: z.record(z.string(), z.object({ from: z.int(), drawn: z.int(), stood: z.int() })),
  retakes: z.array(RetakeOutcomeSchema),
  /** Exit ramps a challenger took: what it kept and the consensus it saved. */
  exitRamps: z.array(
    z.object({ region: z.string(), challenger: z.string(), offeredBy: z.array(z.string()), kept: num, saved: num }),
  ),
  /** Sanctions in force after the turn, with the pressure on each target. */
  sanctions: z.array(SanctionSchema.extend({ pressure: num })),
  /** What the White Cell set, and what the rules had given (empty without an override). */
  overridden: z.array(OverrideSetSchema),
});
export type Outcomes = z.infer<typeof OutcomesSchema>;

export const ReportSchema = z.object({
  turn: z.int(),
  notes: DecisionsSchema.shape.notes,
  changes: z.array(ChangeSchema),
  outcomes: OutcomesSchema,
  /** Set when the facilitator overrode the engine; both versions are kept. */
  override: z.object({ reason: z.string(), engine: DecisionsSchema }).nullable(),
});
export type Report = z.infer<typeof ReportSchema>;

export const GameStateSchema = z.object({
  format: z.literal(STATE_FORMAT),
  scenarioId: z.string(),
  seed: z.int(),
  turn: z.int().min(1),
  /** Turns adjudicated so far: how long the economy has run (the fiscal score's yardstick). */
  adjudicated: z.int().min(0),
  phase: z.enum(PHASES),
  ended: z.object({ reason: z.enum(END_REASONS), turn: z.int() }).nullable(),
  /** The seeded generator's state: every random draw comes from here. */
  rng: z.int(),
  config: z.object({
    turns: z.int(),
    monthsPerTurn: z.int(),
    era: z.string(),
    objectives: ObjectivesSchema,
    deck: z.array(EventCardSchema),
    scripted: z.array(z.object({ turn: z.int(), card: EventCardSchema })),
  }),
  settings: z.object({
    showMath: z.boolean(),
    /** When true, adjudication waits for the facilitator to publish or override. */
    facilitatorReview: z.boolean(),
    timers: TimersSchema,
    civilDisorderAfter: z.int(),
    paused: z.boolean(),
    /** Seconds the facilitator added to the current phase's timer. */
    extensionSeconds: z.int(),
  }),
  params: ParamsSchema,
  seats: z.array(SeatSchema),
  nations: z.record(z.string(), NationStateSchema),
  regions: z.record(z.string(), RegionStateSchema),
  guarantees: z.record(z.string(), GuaranteeStateSchema),
  /** Highest rung reached anywhere: thresholds below it are no longer sticky. */
  precedent: z.int(),
  history: z.array(DecisionRecordSchema),
  /** Seats done with the current briefing or diplomacy phase. */
  ready: z.array(z.string()),
  allocations: z.record(z.string(), AllocationSchema),
  /** Each seat's allocation last turn: its default if it misses a deadline. Secret to its own seat. */
  lastAllocations: z.record(z.string(), AllocationSchema),
  moves: z.record(z.string(), ChallengerMoveSchema),
  guarantorAnswers: z.record(z.string(), z.record(z.string(), z.enum(GUARANTOR_RESPONSES))),
  /** Nuclear steps taken with this turn's answers, by seat and guarantee. Secret like the answers. */
  nuclearSteps: z.record(z.string(), z.record(z.string(), z.enum(NUCLEAR_STEPS))),
  allyAnswers: z.record(z.string(), z.enum(ALLY_RESPONSES)),
  statements: z.array(StatementSchema.extend({ seat: z.string() })),
  crises: z.array(CrisisSchema),
  sanctions: z.array(SanctionSchema),
  occupations: z.array(OccupationSchema),
  reveals: z.array(RevealSchema),
  /** Cards fired this turn (scripted, random or injected). */
  cards: z.array(EventCardSchema),
  pending: PendingSchema.nullable(),
  report: ReportSchema.nullable(),
  scores: z.record(z.string(), ExplainedSchema),
  /** Consecutive missed deadlines per seat (civil disorder). */
  missed: z.record(z.string(), z.int()),
});
export type GameState = z.infer<typeof GameStateSchema>;

/** Everything but the generator: what a seat's view has the shape of. */
export type VisibleState = Omit<GameState, 'rng'>;

/** The part of the state every rule reads. A seat's view has it too, so bots and previews run the same rules. */
export type World = Pick<
  GameState,
  | 'turn'
  | 'adjudicated'
  | 'params'
  | 'config'
  | 'seats'
  | 'nations'
  | 'guarantees'
  | 'regions'
  | 'history'
  | 'reveals'
  | 'statements'
  | 'sanctions'
  | 'occupations'
>;

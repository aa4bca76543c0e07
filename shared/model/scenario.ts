// A scenario is data: this schema is the contract for authors, and its errors name the field.
import { z } from 'zod';
import { ParamsOverrideSchema } from './params.js';
import { ERAS, GUARANTEE_TYPES, NATION_ROLES, POLICY_NAMES, POLICY_ROLE, THREAT_KINDS } from './vocabulary.js';

const id = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,31}$/, 'must be lowercase letters, digits, - or _, starting with a letter');
const share01 = z.number().min(0).max(1);
const point = z.tuple([z.number(), z.number()]);

/** A map area drawn for fictional scenarios: one or more closed rings of [x, y] in 0..1000. */
export const PolygonSchema = z.array(z.array(point).min(3, 'a ring needs at least 3 points')).min(1);

export const RegionSchema = z.strictObject({
  id,
  name: z.string().min(1),
  /** Where the map draws the theater's label and escalation marker, in map coordinates. */
  anchor: point.optional(),
  /** Starting rung on the escalation ladder (a strait may open in the gray zone). */
  rung: z.int().min(0).max(5).default(0),
});

export const NationSchema = z
  .strictObject({
    id,
    name: z.string().min(1),
    /** ISO 3166-1 alpha-3 code, so the client can draw real borders. */
    iso: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as POL')
      .optional(),
    /** Inline shape for fictional maps. */
    polygon: PolygonSchema.optional(),
    /** The home theater. */
    region: id,
    /** GDP in $bn per year. */
    gdp: z.number().positive(),
    /** Trend growth, % per year, before strain. */
    growth: z.number().min(-20).max(20),
    /** Share of GDP the player allocates each turn (defense, aid and discretionary domestic). */
    budgetShare: z.number().positive().max(0.5),
    /** Defense spending as % of GDP at the start; the default allocation keeps it. */
    defenseShare: z.number().min(0).max(40),
    /** Defense % of GDP the economy bears without strain (defaults to the rules' parameter). */
    sustainableShare: z.number().positive().max(40).optional(),
    /** Military capability stock in force points (FP). */
    capability: z.number().min(0),
    /** 0..1: share of capability ready to fight. */
    readiness: share01,
    /** FP stationed forward, by region id. */
    posture: z.record(z.string(), z.number().min(0)).default({}),
    /** Share of capability that can reinforce each region other than home (0..1). */
    reach: z.record(z.string(), share01).default({}),
    /** Turns that reinforcement takes to arrive in full, by region (default: the rules' parameter). */
    reinforcementTurns: z.record(z.string(), z.int().min(0).max(12)).default({}),
    /** 0..100: how well money turns into capability. */
    industrialBase: z.number().min(0).max(100),
    /** 0..100: domestic support for the government's foreign policy. */
    consensus: z.number().min(0).max(100),
    /** Public debt, % of GDP. */
    debt: z.number().min(0).max(400),
    nuclear: z.boolean(),
    /** 0..1: quality of its intelligence services. */
    intel: share01,
    /** 0..1: how much a challenger covets this nation (the stakes of attacking it). */
    stakes: share01.default(0.5),
    /** 0..1: how well its society withstands coercion short of war (total defence, civil preparedness). */
    resilience: share01.default(0),
  })
  .refine((n) => n.iso !== undefined || n.polygon !== undefined, {
    message: 'a nation needs an iso code (real map) or a polygon (fictional map)',
    path: ['iso'],
  });

export const GuaranteeSchema = z.strictObject({
  id,
  guarantor: id,
  ally: id,
  type: z.enum(GUARANTEE_TYPES),
  /** 0..1: explicit treaty high, strategic ambiguity low. */
  clarity: share01,
  /** Threats it covers. */
  scope: z.array(z.enum(THREAT_KINDS)).min(1),
  /** 0..1: trade, aid and arms ties between guarantor and ally. */
  ties: share01,
  /** Historical record before the match starts. */
  record: z
    .strictObject({
      honored: z.int().min(0),
      partial: z.int().min(0),
      abandoned: z.int().min(0),
    })
    .default({ honored: 0, partial: 0, abandoned: 0 }),
  /** Citation or note for the guarantee's text. */
  basis: z.string().optional(),
});

export const SeatSpecSchema = z.strictObject({
  id,
  role: z.enum(NATION_ROLES),
  nation: id,
  /** The bot policy that plays this seat when it is empty. */
  bot: z.enum(POLICY_NAMES).default('calculating'),
});

/** Effects one event card (or one White Cell inject) may carry. */
export const MAX_EFFECTS = 10;

/** What an event does when it fires. Deltas are added, then clamped to each meter's bounds. */
export const EffectSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('consensus'), nation: id, delta: z.number().min(-100).max(100) }),
  z.strictObject({ kind: z.literal('growth'), nation: id, delta: z.number().min(-20).max(20) }),
  z.strictObject({ kind: z.literal('capability'), nation: id, delta: z.number().min(-1).max(1) }),
  z.strictObject({ kind: z.literal('readiness'), nation: id, delta: z.number().min(-1).max(1) }),
  z.strictObject({ kind: z.literal('escalation'), region: id, delta: z.int().min(-8).max(8) }),
  z.strictObject({ kind: z.literal('ties'), guarantee: id, delta: z.number().min(-1).max(1) }),
]);
export type Effect = z.infer<typeof EffectSchema>;

export const EventCardSchema = z.strictObject({
  id,
  title: z.string().min(1).max(120),
  text: z.string().min(1).max(1000),
  effects: z.array(EffectSchema).max(MAX_EFFECTS),
});
export type EventCard = z.infer<typeof EventCardSchema>;

export const METRICS = [
  'integrity',
  'alliesIntact',
  'deterrence',
  'security',
  'fiscal',
  'consensus',
  'peace',
  'gains',
  'forcesPreserved',
  'reliability',
] as const;
export type Metric = (typeof METRICS)[number];

/** Score weights per role; a role's score is the weighted mean of its metrics × 100. */
const objective = z.partialRecord(z.enum(METRICS), z.number().min(0));
export const ObjectivesSchema = z.strictObject({
  guarantor: objective,
  ally: objective,
  challenger: objective,
});
export type Objectives = z.infer<typeof ObjectivesSchema>;

const timer = z.int().min(10).max(3600).nullable();
export const TimersSchema = z.strictObject({
  briefing: timer,
  diplomacy: timer,
  allocation: timer,
  challenger_move: timer,
  responses: timer,
  adjudication: timer,
  results: timer,
});
export type Timers = z.infer<typeof TimersSchema>;

/** No timer in any phase: only the seats and the White Cell move the match on. */
export const NO_TIMERS: Timers = {
  briefing: null,
  diplomacy: null,
  allocation: null,
  challenger_move: null,
  responses: null,
  adjudication: null,
  results: null,
};

export const ScenarioSchema = z
  .strictObject({
    id,
    title: z.string().min(1).max(120),
    /** One paragraph for the scenario picker. */
    summary: z.string().min(1).max(1000),
    /** When the scenario is set: the simulator reports calibration against this era's published rates. */
    era: z.enum(ERAS),
    /** A narrower honor band than the era's default, with the source that justifies it. */
    calibration: z
      .strictObject({
        honorBand: z.tuple([share01, share01]),
        source: z.string().min(1),
      })
      .optional(),
    /** 'iso' maps draw real borders from ISO codes; 'polygons' use inline shapes. */
    map: z.enum(['iso', 'polygons']),
    turns: z.int().min(1).max(40),
    monthsPerTurn: z.int().min(1).max(24),
    /** Missed deadlines in a row before a bot takes a seat ("civil disorder"). */
    civilDisorderAfter: z.int().min(1).max(10).default(2),
    timers: TimersSchema,
    regions: z.array(RegionSchema).min(1),
    nations: z.array(NationSchema).min(2),
    guarantees: z.array(GuaranteeSchema).min(1),
    seats: z.array(SeatSpecSchema).min(2),
    objectives: ObjectivesSchema,
    events: z.strictObject({
      scripted: z.array(z.strictObject({ turn: z.int().min(1), card: EventCardSchema })).default([]),
      deck: z.array(EventCardSchema).default([]),
    }),
    params: ParamsOverrideSchema.optional(),
    /** Where the starting figures come from. Required: real theaters must cite them. */
    sources: z.array(z.string().min(1)).min(1),
  })
  .superRefine(checkReferences);

export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Nation = z.infer<typeof NationSchema>;
export type Region = z.infer<typeof RegionSchema>;
export type Guarantee = z.infer<typeof GuaranteeSchema>;
export type SeatSpec = z.infer<typeof SeatSpecSchema>;

/** Seat ids every match adds itself (the White Cell and the observers). */
const RESERVED_SEATS = ['facilitator', 'observer'];

type RawScenario = {
  regions: { id: string }[];
  nations: {
    id: string;
    region: string;
    posture: Record<string, number>;
    reach: Record<string, number>;
    reinforcementTurns: Record<string, number>;
  }[];
  guarantees: { id: string; guarantor: string; ally: string }[];
  seats: { id: string; role: string; nation: string; bot: (typeof POLICY_NAMES)[number] }[];
  events: { scripted: { turn: number; card: { effects: Effect[] } }[]; deck: { effects: Effect[] }[] };
  turns: number;
};

/** Cross-references the schema alone cannot check: every id must point at something real. */
function checkReferences(s: RawScenario, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const regions = new Set(s.regions.map((r) => r.id));
  const nations = new Set(s.nations.map((n) => n.id));
  const guarantees = new Set(s.guarantees.map((g) => g.id));
  const seatOf = new Map(s.seats.map((seat) => [seat.nation, seat.role]));
  for (const [kind, list] of [
    ['region', s.regions],
    ['nation', s.nations],
    ['guarantee', s.guarantees],
    ['seat', s.seats],
  ] as const) {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.id)) issue([`${kind}s`, i, 'id'], `duplicate ${kind} id "${item.id}"`);
      seen.add(item.id);
    });
  }
  s.nations.forEach((n, i) => {
    if (!regions.has(n.region)) issue(['nations', i, 'region'], `unknown region "${n.region}"`);
    for (const r of Object.keys(n.posture))
      if (!regions.has(r)) issue(['nations', i, 'posture', r], `unknown region "${r}"`);
    for (const r of Object.keys(n.reach))
      if (!regions.has(r)) issue(['nations', i, 'reach', r], `unknown region "${r}"`);
    for (const r of Object.keys(n.reinforcementTurns))
      if (!regions.has(r)) issue(['nations', i, 'reinforcementTurns', r], `unknown region "${r}"`);
    if (!seatOf.has(n.id)) issue(['nations', i, 'id'], `nation "${n.id}" has no seat`);
  });
  s.guarantees.forEach((g, i) => {
    if (!nations.has(g.guarantor)) issue(['guarantees', i, 'guarantor'], `unknown nation "${g.guarantor}"`);
    else if (seatOf.get(g.guarantor) !== 'guarantor')
      issue(['guarantees', i, 'guarantor'], `"${g.guarantor}" is not seated as a guarantor`);
    if (!nations.has(g.ally)) issue(['guarantees', i, 'ally'], `unknown nation "${g.ally}"`);
    else if (seatOf.get(g.ally) !== 'ally') issue(['guarantees', i, 'ally'], `"${g.ally}" is not seated as an ally`);
  });
  const seatedNations = new Set<string>();
  s.seats.forEach((seat, i) => {
    const only = POLICY_ROLE[seat.bot];
    if (only && only !== seat.role) issue(['seats', i, 'bot'], `policy "${seat.bot}" plays only ${only} seats`);
    if (RESERVED_SEATS.includes(seat.id))
      issue(['seats', i, 'id'], `"${seat.id}" is reserved for the match's own seat`);
    if (!nations.has(seat.nation)) issue(['seats', i, 'nation'], `unknown nation "${seat.nation}"`);
    if (seatedNations.has(seat.nation)) issue(['seats', i, 'nation'], `nation "${seat.nation}" already has a seat`);
    seatedNations.add(seat.nation);
  });
  for (const role of ['guarantor', 'ally', 'challenger'] as const)
    if (!s.seats.some((seat) => seat.role === role)) issue(['seats'], `needs at least one ${role} seat`);
  const checkEffects = (effects: Effect[], path: (string | number)[]) =>
    effects.forEach((e, j) => {
      const ref = 'nation' in e ? e.nation : 'region' in e ? e.region : e.guarantee;
      const known = 'nation' in e ? nations : 'region' in e ? regions : guarantees;
      if (!known.has(ref))
        issue(
          [...path, j],
          `unknown ${e.kind === 'ties' ? 'guarantee' : 'nation' in e ? 'nation' : 'region'} "${ref}"`,
        );
    });
  s.events.scripted.forEach((e, i) => {
    if (e.turn > s.turns)
      issue(['events', 'scripted', i, 'turn'], `turn ${e.turn} is after the last turn (${s.turns})`);
    checkEffects(e.card.effects, ['events', 'scripted', i, 'card', 'effects']);
  });
  s.events.deck.forEach((c, i) => checkEffects(c.effects, ['events', 'deck', i, 'effects']));
}

// Guns versus butter: a turn's budget, what each spending line buys, and the strain that
// spending beyond what the economy bears puts on growth and consensus.
import type { Allocation } from '../model/commands.js';
import { type Explained, clamp01, explainSum } from '../model/explain.js';
import type { NationState, World } from '../model/state.js';
import type { Ledger } from './ledger.js';
import type { Params } from '../model/params.js';
import { sanctionBite, sanctionPressure } from './sanctions.js';
import { nationSeats } from './seats.js';

/** Years in one turn. */
export const turnYears = (world: Pick<World, 'config'>): number => world.config.monthsPerTurn / 12;

/**
 * A nation's budget this turn in $bn: its share of GDP, less the revenue sanctions cost it (as of
 * the last adjudication) and what honoring commitments already cost.
 */
export const budget = (n: NationState, years: number): Explained => {
  const revenue = n.gdp * n.budgetShare * years;
  return explainSum(
    [
      { label: 'GDP × budget share × turn length', value: revenue },
      { label: 'revenue lost to sanctions', value: -revenue * n.revenueLost },
      { label: 'owed for honoring commitments', value: -n.obligations },
    ],
    0,
    Number.POSITIVE_INFINITY,
  );
};

/** $bn a year that keeps a nuclear guarantor's umbrella fully ready. */
export const umbrellaUpkeep = (n: NationState, years: number): number => n.gdp * 0.002 * years;

const sumValues = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);

/** Total $bn of an allocation. */
export const allocationTotal = (a: Allocation): number =>
  a.readiness +
  sumValues(a.forwardPosture) +
  a.modernization +
  a.extendedDeterrence +
  sumValues(a.foreignAid) +
  a.domestic;

/** Defense $bn of an allocation (everything but aid and domestic). */
export const defenseSpending = (a: Allocation): number =>
  a.readiness + sumValues(a.forwardPosture) + a.modernization + a.extendedDeterrence;

/** Defense spending as % of GDP over the turn. */
export const defenseSharePct = (n: NationState, a: Allocation, years: number): number =>
  n.gdp > 0 ? (100 * defenseSpending(a)) / (n.gdp * years) : 0;

/** The default allocation: keep the nation's defense share, split between readiness and modernization. */
export const statusQuoAllocation = (n: NationState, years: number): Allocation => {
  const total = budget(n, years).value;
  const defense = Math.min(total, (n.defenseShare / 100) * n.gdp * years);
  return {
    readiness: defense / 2,
    forwardPosture: {},
    modernization: defense / 2,
    extendedDeterrence: 0,
    foreignAid: {},
    domestic: total - defense,
  };
};

/** Scales an allocation down proportionally so it fits the budget (used for defaults only). */
export const fitToBudget = (a: Allocation, limit: number): Allocation => {
  const total = allocationTotal(a);
  if (total <= limit) return a;
  const f = total > 0 ? limit / total : 0;
  const scale = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v * f]));
  return {
    readiness: a.readiness * f,
    forwardPosture: scale(a.forwardPosture),
    modernization: a.modernization * f,
    extendedDeterrence: a.extendedDeterrence * f,
    foreignAid: scale(a.foreignAid),
    domestic: a.domestic * f,
  };
};

/** Strain after this turn: what carries over plus this turn's defense share above the sustainable share. */
export const nextStrain = (n: NationState, sharePct: number, p: Params): number =>
  n.strain * p.strainPersistence + Math.max(0, sharePct - n.sustainableShare);

/**
 * Applies one nation's allocation for one turn to the ledger: stocks (capability with a one-turn
 * procurement lag, readiness, forward posture, umbrella, industry), growth, GDP, consensus and debt.
 */
export const applyAllocation = (ledger: Ledger, world: World, id: string, a: Allocation): void => {
  const n = ledger.nations[id];
  if (!n) return;
  const p = world.params;
  const years = turnYears(world);
  const spent = allocationTotal(a);
  const available = budget(n, years).value;
  const pressure = sanctionPressure(world, id).value;
  const share = defenseSharePct(n, a, years);
  const strain = nextStrain(n, share, p);

  ledger.nation(id, 'obligations', 'paid from this budget', -n.obligations);
  ledger.nation(id, 'defenseShare', 'defense spending this turn', share - n.defenseShare);
  // The ledger changes `n` in place: read last turn's strain once, before the first line moves it.
  const carried = n.strain * p.strainPersistence;
  ledger.nation(id, 'strain', 'carried-over strain fades', carried - n.strain);
  ledger.nation(id, 'strain', 'defense spending above the sustainable share', strain - carried);

  ledger.nation(id, 'capability', 'depreciation', -n.capability * p.capabilityDepreciation * years);
  ledger.nation(id, 'capability', 'procurement entering service', n.pipeline);
  const newPipeline = (a.modernization / p.bnPerForcePoint) * (0.5 + n.industrialBase / 100);
  ledger.nation(id, 'pipeline', 'modernization ordered (enters service next turn)', newPipeline - n.pipeline);
  const upkeep = n.capability * p.readinessUpkeep * years;
  const funded = upkeep > 0 ? clamp01(a.readiness / upkeep) : 1;
  ledger.nation(id, 'readiness', 'readiness spending against upkeep', p.readinessResponse * (funded - n.readiness));
  for (const [region, current] of Object.entries(n.posture))
    ledger.posture(id, region, 'forces rotating home', -current * p.postureDecay * years);
  // Forward posture bought last turn is in place now; what is bought now deploys by next turn.
  for (const [region, ordered] of Object.entries(n.postureOrdered))
    ledger.posture(id, region, 'forward deployment arriving (ordered last turn)', ordered);
  ledger.setOrdered(
    id,
    Object.fromEntries(
      Object.entries(a.forwardPosture).map(([region, money]) => [region, money / p.bnPerForwardPoint]),
    ),
  );
  if (n.nuclear) {
    const need = umbrellaUpkeep(n, years);
    const ready = need > 0 ? clamp01(a.extendedDeterrence / need) : 0;
    ledger.nation(id, 'umbrella', 'extended-deterrence spending', p.readinessResponse * (ready - n.umbrella));
  }
  const modernizationPct = n.gdp > 0 ? (100 * a.modernization) / (n.gdp * years) : 0;
  ledger.nation(id, 'industrialBase', 'modernization orders (1% of GDP holds it)', 2 * (modernizationPct - 1));

  const growth = n.trendGrowth - strain * p.growthPerStrain - pressure * p.sanctionGrowthHit;
  ledger.setNation(id, 'growth', [
    { label: 'trend growth', value: n.trendGrowth },
    { label: 'strain from defense spending', value: -strain * p.growthPerStrain },
    { label: 'sanctions', value: -pressure * p.sanctionGrowthHit },
  ]);
  ledger.nation(id, 'gdp', 'growth', n.gdp * (growth / 100) * years);

  ledger.nation(id, 'consensus', 'drift toward the baseline', p.consensusDrift * (p.consensusBaseline - n.consensus));
  ledger.nation(id, 'consensus', 'strain from defense spending', -strain * p.consensusPerStrain);
  ledger.nation(id, 'consensus', 'hardship under sanctions', -pressure * p.sanctionConsensusHit);
  const domesticShare = available > 0 ? a.domestic / available : 0;
  ledger.nation(id, 'consensus', 'domestic spending', p.consensusPerDomesticShare * (domesticShare - 0.5));
  const unspent = Math.max(0, available - spent);
  if (n.gdp > 0) ledger.nation(id, 'debt', 'unspent budget pays down debt', (-100 * unspent) / n.gdp);

  for (const [recipient, money] of Object.entries(a.foreignAid)) {
    ledger.nation(recipient, 'aidInbound', `aid from ${n.name} (arrives next turn)`, money);
    for (const g of Object.values(ledger.guarantees))
      if ((g.guarantor === id && g.ally === recipient) || (g.ally === id && g.guarantor === recipient))
        ledger.guarantee(g.id, 'ties', `aid from ${n.name}`, (0.01 * money) / p.aidPerTie);
  }
};

/**
 * Aid sent last turn enters service: half buys capability at the recipient's industrial rate, half
 * resilience (per 1% of GDP). Resilience wears off. Runs for every nation before this turn's spending.
 */
export const receiveAid = (ledger: Ledger, world: World, id: string): void => {
  const n = ledger.nations[id];
  if (!n) return;
  const p = world.params;
  const years = turnYears(world);
  // Preparedness is kept up by the nation's own effort: it drifts toward its starting level scaled
  // by how its defense share compares with the start (Estonia's total defence; Finland's model).
  const effort = n.defenseShare0 > 0 ? Math.min(1.5, n.defenseShare / n.defenseShare0) : 1;
  ledger.nation(
    id,
    'resilience',
    'kept up by its own defense effort',
    p.resilienceDecay * (n.resilience0 * effort - n.resilience),
  );
  const aid = n.aidInbound;
  if (aid <= 0) return;
  ledger.nation(id, 'aidInbound', 'aid received', -aid);
  ledger.nation(
    id,
    'capability',
    'arms bought with aid',
    (aid / 2 / p.bnPerForcePoint) * (0.5 + n.industrialBase / 100),
  );
  const pct = n.gdp > 0 ? (100 * aid) / 2 / (n.gdp * years) : 0;
  ledger.nation(id, 'resilience', 'aid for resilience', pct * p.resiliencePerAidPct);
};

/**
 * Sanctions in force this turn: each sender loses trade (a share of the smaller economy, as the
 * sanction bites); each target's revenue loss is recorded for next turn's budget.
 */
export const applySanctions = (ledger: Ledger, world: World): void => {
  const p = world.params;
  const years = turnYears(world);
  for (const s of world.sanctions) {
    const sender = ledger.nations[s.sender];
    const target = ledger.nations[s.target];
    if (!sender || !target) continue;
    const bite = p.sanctionStrength > 0 ? sanctionBite(world, s) / p.sanctionStrength : 0;
    const lost = p.sanctionTradeCost * Math.min(sender.gdp, target.gdp) * years * bite;
    ledger.nation(s.sender, 'gdp', `trade lost sanctioning ${target.name}`, -lost);
  }
  for (const id of Object.keys(ledger.nations)) {
    const n = ledger.nations[id];
    if (!n) continue;
    const lost = p.sanctionRevenueHit * sanctionPressure(world, id).value;
    ledger.nation(id, 'revenueLost', 'sanctions in force (next budget)', lost - n.revenueLost);
  }
};

/**
 * The burden an ally's under-spending puts on its guarantor's consensus: the shortfall below the
 * expected defense share, in points, summed over its allies.
 */
export const burden = (world: World, guarantor: string): Explained => {
  const p = world.params;
  const allies = new Set(
    Object.values(world.guarantees)
      .filter((g) => g.guarantor === guarantor)
      .map((g) => g.ally),
  );
  const terms = [...allies].map((allyId) => {
    const ally = world.nations[allyId];
    const shortfall = ally ? Math.max(0, p.burdenTarget - ally.defenseShare) : 0;
    return {
      label: `${ally?.name ?? allyId} below ${p.burdenTarget}% of GDP`,
      value: shortfall * p.consensusPerBurdenPoint,
    };
  });
  return explainSum(terms, 0, Number.POSITIVE_INFINITY);
};

/**
 * Adjudication step 1: aid sent last turn arrives, then every nation seat's allocation (the status
 * quo for one not in `allocations`: a view that cannot see another seat's spending assumes
 * it), the burden of under-spending allies, and the sanctions' bite. Previews run it too, so a
 * cost read from the budget afterwards is the one adjudication charges.
 */
export const spendTurn = (ledger: Ledger, world: World, allocations: Readonly<Record<string, Allocation>>): void => {
  const years = turnYears(world);
  for (const id of Object.keys(ledger.nations)) receiveAid(ledger, world, id);
  for (const seat of nationSeats(world)) {
    const nation = seat.nation ?? '';
    const n = ledger.nations[nation];
    if (!n) continue;
    applyAllocation(ledger, world, nation, allocations[seat.id] ?? statusQuoAllocation(n, years));
  }
  for (const seat of world.seats.filter((s) => s.role === 'guarantor' && s.nation))
    ledger.nation(
      seat.nation ?? '',
      'consensus',
      'allies under-spending (burden)',
      -burden(world, seat.nation ?? '').value,
    );
  applySanctions(ledger, world);
};

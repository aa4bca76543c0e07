// Invariants every reachable state must keep: finite numbers, meters in bounds, budgets respected,
// sanctions and occupations that make sense.
import { type GameState, TOP_RUNG, allocationTotal, budget } from '../../shared/index.js';

const within = (value: number, lo: number, hi: number, what: string, problems: string[]) => {
  if (!(value >= lo && value <= hi)) problems.push(`${what} = ${value} outside [${lo}, ${hi}]`);
};

/** Every number anywhere in the value, with its path, must be finite. */
const finiteEverywhere = (value: unknown, path: string, problems: string[]) => {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) problems.push(`${path} is ${value}`);
  } else if (Array.isArray(value)) value.forEach((v, i) => finiteEverywhere(v, `${path}[${i}]`, problems));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) finiteEverywhere(v, `${path}.${k}`, problems);
};

/** Returns a list of broken invariants; empty when the state is sound. */
export const brokenInvariants = (state: GameState): string[] => {
  const problems: string[] = [];
  // config and params never change during a match: walk only what the rules write.
  const { nations, guarantees, regions, scores, report, allocations, crises, sanctions, occupations } = state;
  finiteEverywhere(
    { nations, guarantees, regions, scores, report, allocations, crises, sanctions, occupations },
    'state',
    problems,
  );
  const years = state.config.monthsPerTurn / 12;
  for (const n of Object.values(state.nations)) {
    // Ground held by a challenger is ground its target lost: the two never add up past 100.
    const held = state.occupations.filter((o) => o.target === n.id).reduce((s, o) => s + o.integrity, 0);
    if (n.integrity + held > 100 + 1e-9) problems.push(`${n.id}: integrity ${n.integrity} + held ${held} > 100`);
    within(n.consensus, 0, 100, `${n.id}.consensus`, problems);
    within(n.integrity, 0, 100, `${n.id}.integrity`, problems);
    within(n.gains, 0, 100, `${n.id}.gains`, problems);
    within(n.hedging, 0, 100, `${n.id}.hedging`, problems);
    within(n.industrialBase, 0, 100, `${n.id}.industrialBase`, problems);
    within(n.readiness, 0, 1, `${n.id}.readiness`, problems);
    within(n.umbrella, 0, 1, `${n.id}.umbrella`, problems);
    within(n.capability, 0, Infinity, `${n.id}.capability`, problems);
    within(n.gdp, 0, Infinity, `${n.id}.gdp`, problems);
    within(n.debt, 0, Infinity, `${n.id}.debt`, problems);
    for (const [r, v] of Object.entries(n.posture)) within(v, 0, Infinity, `${n.id}.posture.${r}`, problems);
    // Issue 11's fields: shares stay shares, money in transit is never negative.
    within(n.resilience, 0, 1, `${n.id}.resilience`, problems);
    within(n.resilience0, 0, 1, `${n.id}.resilience0`, problems);
    within(n.revenueLost, 0, 1, `${n.id}.revenueLost`, problems);
    within(n.aidInbound, 0, Infinity, `${n.id}.aidInbound`, problems);
    within(n.defenseShare, 0, Infinity, `${n.id}.defenseShare`, problems);
    for (const [r, v] of Object.entries(n.arrived)) within(v, 0, 1, `${n.id}.arrived.${r}`, problems);
    for (const [r, v] of Object.entries(n.postureOrdered))
      within(v, 0, Infinity, `${n.id}.postureOrdered.${r}`, problems);
  }
  // Sanctions: between two different nations, one entry per sender and target.
  const pairs = new Set<string>();
  for (const x of state.sanctions) {
    const pair = `${x.sender}→${x.target}`;
    if (x.sender === x.target || !state.nations[x.sender] || !state.nations[x.target])
      problems.push(`sanctions ${pair} name a bad pair`);
    if (pairs.has(pair)) problems.push(`sanctions ${pair} listed twice`);
    pairs.add(pair);
  }
  // Occupations: ground a challenger took from another nation, since a turn already played.
  for (const o of state.occupations) {
    if (o.by === o.target || !state.nations[o.target] || !state.nations[o.by])
      problems.push(`occupation of ${o.target} by ${o.by} names a bad pair`);
    within(o.integrity, 0, 100, `occupation of ${o.target}.integrity`, problems);
    within(o.since, 1, state.turn, `occupation of ${o.target}.since`, problems);
  }
  for (const g of Object.values(state.guarantees)) {
    within(g.ties, 0, 1, `${g.id}.ties`, problems);
    within(g.clarity, 0, 1, `${g.id}.clarity`, problems);
    within(g.commitment, 0, 1, `${g.id}.commitment`, problems);
  }
  for (const r of Object.values(state.regions)) {
    within(r.rung, 0, TOP_RUNG, `${r.id}.rung`, problems);
    within(r.peak, r.rung, TOP_RUNG, `${r.id}.peak`, problems);
  }
  for (const [seat, s] of Object.entries(state.scores)) within(s.value, 0, 100, `score of ${seat}`, problems);
  // After adjudication the budget has moved on (growth, obligations): check while the turn is open.
  const turnOpen = state.phase !== 'results';
  for (const [seat, a] of turnOpen ? Object.entries(state.allocations) : []) {
    const nation = state.nations[state.seats.find((s) => s.id === seat)?.nation ?? ''];
    if (nation && allocationTotal(a) > budget(nation, years).value * (1 + 1e-9) + 1e-9)
      problems.push(`${seat} allocated ${allocationTotal(a)} over its budget ${budget(nation, years).value}`);
  }
  return problems;
};

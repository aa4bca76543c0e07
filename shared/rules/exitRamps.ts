// Exit ramps taken: a challenger offered one by another seat that made no forceful move this turn
// hands back part of the ground it holds in that theater (keeping `exitRampKept`), saves face
// (`exitRampFace` consensus) and sees the offerers' sanctions on it lifted.
import type { GameState, Occupation, Outcomes, Sanction, World } from '../model/state.js';
import type { Ledger } from './ledger.js';
import { asForceful } from './moves.js';
import { handBack } from './occupation.js';
import { liftSanctions } from './sanctions.js';
import { nationOf } from './seats.js';

export interface RampsTaken {
  exitRamps: Outcomes['exitRamps'];
  /** The occupations still held after the ramps taken. */
  remaining: Occupation[];
  sanctions: Sanction[];
}

export const takeExitRamps = (
  ledger: Ledger,
  world: World,
  state: Pick<GameState, 'seats' | 'crises' | 'regions' | 'statements'>,
  held: readonly Occupation[],
  sanctionsIn: readonly Sanction[],
): RampsTaken => {
  const p = world.params;
  let sanctions = [...sanctionsIn];
  const exitRamps: Outcomes['exitRamps'] = [];
  const takers = new Map<string, Set<string>>();
  for (const seat of state.seats.filter((s) => s.role === 'challenger' && s.nation)) {
    const challenger = seat.nation ?? '';
    const crisis = state.crises.find((c) => c.challengerSeat === seat.id);
    if (crisis && asForceful(crisis.move.type)) continue;
    for (const region of Object.values(state.regions)) {
      const offeredBy = state.statements
        .filter((s) => s.kind === 'exit_ramp' && s.subject === region.id && s.seat !== seat.id)
        .map((s) => nationOf(state, s.seat));
      const party = region.rung > 0 || held.some((o) => o.by === challenger && o.region === region.id);
      if (offeredBy.length === 0 || !party) continue;
      takers.set(challenger, (takers.get(challenger) ?? new Set()).add(region.id));
      let kept = 0;
      for (const o of held) if (o.by === challenger && o.region === region.id) kept += handBack(ledger, world, o);
      ledger.nation(challenger, 'consensus', `took the exit ramp in ${region.name}`, p.exitRampFace);
      for (const offerer of offeredBy) sanctions = liftSanctions(sanctions, offerer, challenger);
      exitRamps.push({ region: region.id, challenger, offeredBy, kept, saved: p.exitRampFace });
    }
  }
  const remaining = held.filter((o) => !takers.get(o.by)?.has(o.region));
  return { exitRamps, remaining, sanctions };
};

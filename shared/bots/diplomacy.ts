// Bot statements: a guarantor draws red lines where its allies are threatened; anyone offers an
// exit ramp where a theater it is party to runs hot. One statement per call, then ready.
import type { Command } from '../protocol/commands.js';
import type { GameView } from '../view/viewFor.js';
import type { Disposition } from './policies.js';
import { nationOf, seatById } from '../rules/seats.js';

/** Regions a seat's nation is party to: its home, its allies' and its protectors' theaters. */
export const theatersOf = (view: GameView, nation: string): Set<string> => {
  const regions = new Set<string>([view.nations[nation]?.region ?? '']);
  for (const g of Object.values(view.guarantees))
    if (g.guarantor === nation || g.ally === nation) regions.add(view.nations[g.ally]?.region ?? '');
  return regions;
};

export const chooseStatement = (view: GameView, seat: string, legal: Command[], d: Disposition): Command | null => {
  const nation = nationOf(view, seat);
  const challenger = seatById(view, seat)?.role === 'challenger';
  const mine = challenger ? null : theatersOf(view, nation);
  for (const c of legal) {
    if (c.type !== 'statement') continue;
    if (c.kind === 'red_line') {
      const g = view.guarantees[c.subject];
      const rung = view.regions[view.nations[g?.ally ?? '']?.region ?? '']?.rung ?? 0;
      if (g && g.commitment < 1 && rung >= d.redLineAt) return c;
    }
    if (c.kind === 'exit_ramp' && (view.regions[c.subject]?.rung ?? 0) >= d.exitRampAt)
      if (mine === null || mine.has(c.subject)) return c;
  }
  return null;
};

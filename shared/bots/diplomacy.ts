// Bot statements: a guarantor draws red lines where its allies are threatened, clarifies a vague
// treaty once trouble starts, narrows a commitment its public no longer backs, sanctions a
// challenger that presses its allies (and lifts them once things are quiet), and offers an exit ramp
// where a theater runs hot. One statement per call, then ready.
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

/** Clarity below which a guarantor spells out a treaty or umbrella once its ally's theater stirs. */
const CLARIFY_BELOW = 0.8;
/** Consensus below which a guarantor takes back words its public will not back. */
const NARROW_BELOW = 35;

const rungOf = (view: GameView, region: string): number => view.regions[region]?.rung ?? 0;

export const chooseStatement = (view: GameView, seat: string, legal: Command[], d: Disposition): Command | null => {
  const nation = nationOf(view, seat);
  const role = seatById(view, seat)?.role;
  if (role === 'challenger') return null;
  const mine = theatersOf(view, nation);
  const hottest = Math.max(0, ...[...mine].map((r) => rungOf(view, r)));
  const consensus = view.nations[nation]?.consensus ?? 50;
  for (const c of legal) {
    if (c.type !== 'statement') continue;
    const g = view.guarantees[c.subject];
    const rung = g ? rungOf(view, view.nations[g.ally]?.region ?? '') : rungOf(view, c.subject);
    switch (c.kind) {
      case 'narrow':
        if (g && g.commitment > 0 && consensus < NARROW_BELOW && rung >= d.redLineAt) return c;
        break;
      case 'red_line':
        if (g && g.commitment < 1 && rung >= d.redLineAt && consensus >= NARROW_BELOW) return c;
        break;
      case 'clarify':
        // Strategic ambiguity is an assurance's point; treaties and umbrellas gain by being plain.
        if (g && g.type !== 'assurance' && g.clarity < CLARIFY_BELOW && rung >= 1 && rung >= d.redLineAt - 1) return c;
        break;
      case 'sanction':
        if (role === 'guarantor' && hottest >= d.sanctionAt) return c;
        break;
      case 'lift_sanctions':
        if (role === 'guarantor' && hottest === 0) return c;
        break;
      case 'exit_ramp':
        if (rung >= d.exitRampAt && mine.has(c.subject)) return c;
        break;
    }
  }
  return null;
};

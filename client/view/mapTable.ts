// The accessible table view: everything the map draws, as rows a screen reader can walk. Nations
// with role, capability and forward forces; guarantees with credibility and commitment; theaters
// with their rung. The same shared rules as the map's selectors.
import { credibility } from '../../shared/rules/credibility.js';
import { seatOfNation } from '../../shared/rules/seats.js';
import type { GameView } from '../../shared/view/viewFor.js';
import { forcePoints, guaranteeName, percent, regionName, rungName } from './matchText.js';
import { fmt } from './panels.js';

export interface NationRow {
  id: string;
  name: string;
  role: string;
  capability: string;
  readiness: string;
  consensus: string;
  /** "Northern March 8 FP; Southern Coast 2 FP", or "none". */
  forward: string;
  integrity: string;
  nuclear: boolean;
}

export interface GuaranteeRow {
  id: string;
  name: string;
  type: string;
  scope: string;
  /** Credibility 0..100 to the challenger, the ally and the guarantor's own public. */
  toChallenger: string;
  toAlly: string;
  toPublic: string;
  commitment: string;
  clarity: string;
}

export interface TheaterTableRow {
  id: string;
  name: string;
  rung: number;
  rungName: string;
  peak: string;
}

export interface MapTables {
  nations: NationRow[];
  guarantees: GuaranteeRow[];
  theaters: TheaterTableRow[];
}

const words = (s: string): string => s.replaceAll('_', ' ');

export const mapTables = (view: GameView): MapTables => ({
  nations: Object.values(view.nations).map((n) => {
    const forward = Object.entries(n.posture)
      .filter(([, v]) => v >= 0.5)
      .map(([r, v]) => `${regionName(view, r)} ${forcePoints(v)}`);
    return {
      id: n.id,
      name: n.name,
      role: seatOfNation(view, n.id)?.role ?? 'none',
      // Force points and readiness rounded as the map's chips and tooltips round them.
      capability: forcePoints(n.capability),
      readiness: percent(n.readiness),
      consensus: fmt(n.consensus),
      forward: forward.length > 0 ? forward.join('; ') : 'none',
      integrity: fmt(n.integrity),
      nuclear: n.nuclear,
    };
  }),
  guarantees: Object.values(view.guarantees).map((g) => ({
    id: g.id,
    name: guaranteeName(view, g.id),
    type: words(g.type),
    scope: g.scope.map(words).join(', '),
    toChallenger: fmt(credibility(view, g.id, 'challenger').value),
    toAlly: fmt(credibility(view, g.id, 'ally').value),
    toPublic: fmt(credibility(view, g.id, 'public').value),
    commitment: fmt(g.commitment),
    clarity: fmt(g.clarity),
  })),
  theaters: Object.values(view.regions).map((r) => ({
    id: r.id,
    name: r.name,
    rung: r.rung,
    rungName: rungName(r.rung),
    peak: `${r.peak} (${rungName(r.peak)})`,
  })),
});

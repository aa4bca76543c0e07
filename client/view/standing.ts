// What stands between turns, for a player to see at any time: sanctions in force with the pressure
// the engine puts on each target now, and ground a challenger holds. From the view's state (and the
// engine's own pressure function), never from the report's words. Pure: tested headless.
import { sanctionPressure } from '../../shared/rules/sanctions.js';
import type { GameView } from '../../shared/view/viewFor.js';
import { occupationLines, sanctionLines } from './outcomes.js';

export interface Standing {
  /** "Varkal under sanctions from Aurelia and Bosk (pressure 56%)". */
  sanctions: string[];
  /** "Varkal holds ground in Bosk (Northern March) since turn 3; Aurelia fights to retake it". */
  occupations: string[];
}

/** Sanctions in force and ground held, as they stand in the view. */
export const standing = (view: GameView): Standing => ({
  sanctions: sanctionLines(
    view,
    view.sanctions.map((s) => ({ ...s, pressure: sanctionPressure(view, s.target).value })),
    'now',
  ).map((l) => l.text),
  occupations: occupationLines(view, 'now').map((l) => l.text),
});

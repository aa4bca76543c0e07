// Scenario variants for engine tests, built from the shipped classroom data.
import { SCENARIOS } from '../../../shared/index.js';

const classroom = SCENARIOS.classroom!;

/**
 * Classroom with a second guarantor, Borea, which alone guarantees Dunmere. A crisis over Bosk then
 * leaves Borea and Dunmere with nothing to answer.
 */
export const twoGuarantors = (() => {
  const aurelia = classroom.nations.find((n) => n.id === 'aurelia')!;
  const dunmere = classroom.guarantees.find((g) => g.id === 'aurelia-dunmere')!;
  return {
    ...classroom,
    id: 'two-guarantors',
    nations: [...classroom.nations, { ...aurelia, id: 'borea', name: 'Borea' }],
    guarantees: [
      ...classroom.guarantees.filter((g) => g.id !== dunmere.id),
      { ...dunmere, id: 'borea-dunmere', guarantor: 'borea' },
    ],
    seats: [...classroom.seats, { id: 'borea', role: 'guarantor' as const, nation: 'borea', bot: 'calculating' }],
    // The deck's trade deal names aurelia-dunmere, which no longer exists.
    events: { ...classroom.events, deck: classroom.events.deck.filter((c) => c.id !== 'trade-deal') },
  };
})();

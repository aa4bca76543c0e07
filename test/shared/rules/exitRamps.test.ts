// Exit ramps that trade (issue 11, adjudication 4c): a challenger offered a ramp by another seat,
// that makes no forceful move that turn, hands back 1 − exitRampKept (0.5) of the ground it holds
// in that theater, keeps the rest, saves exitRampFace (4) consensus, and sees the offerers'
// sanctions on it lifted. Classroom: Varkal holds 16 points of Bosk in the Northern March (rung 4),
// under sanctions by Aurelia (which offers the ramp) and by Dunmere (which does not). Bosk has no
// forces left (nor any on order), so no counteroffensive is drawn.
import { describe, expect, test } from 'vitest';
import type { GameState } from '../../../shared/model/state.js';
import type { ChallengerMove } from '../../../shared/model/commands.js';
import { DEFAULT_PARAMS as P } from '../../../shared/model/params.js';
import { applyOrThrow, challengerSeat, toPhase } from '../properties/drive.js';
import { changeTerm, quietClassroom, results } from './match.js';

const HELD = 16;

/** Turn 1 at diplomacy with the occupation and sanctions described above. */
const occupied = (): GameState => {
  const s = toPhase(quietClassroom(31), 'diplomacy');
  return {
    ...s,
    nations: {
      ...s.nations,
      bosk: { ...s.nations.bosk!, integrity: 100 - HELD, capability: 0, pipeline: 0 },
      varkal: { ...s.nations.varkal!, gains: HELD },
    },
    regions: { ...s.regions, northmarch: { ...s.regions.northmarch!, rung: 4, peak: 4 } },
    occupations: [{ target: 'bosk', by: 'varkal', region: 'northmarch', since: 1, integrity: HELD, liberators: [] }],
    sanctions: [
      { sender: 'aurelia', target: 'varkal', since: 1 },
      { sender: 'dunmere', target: 'varkal', since: 1 },
    ],
  };
};

/** `offerer` offers a ramp for the Northern March; Varkal then makes `move` (hold by default); the results. */
const played = (offerer: string | null, move?: ChallengerMove): GameState => {
  let s = occupied();
  if (offerer) s = applyOrThrow(s, offerer, { type: 'statement', kind: 'exit_ramp', subject: 'northmarch', text: '' });
  s = toPhase(s, 'challenger_move');
  if (move) s = applyOrThrow(s, challengerSeat(s).seat, { type: 'move', move });
  return results(s);
};

describe('an exit ramp taken', () => {
  const taken = played('aurelia');
  const kept = HELD * P.exitRampKept;

  test('report.outcomes.exitRamps records it: what was kept and the face saved', () => {
    expect(taken.report?.outcomes.exitRamps).toEqual([
      { region: 'northmarch', challenger: 'varkal', offeredBy: ['aurelia'], kept, saved: P.exitRampFace },
    ]);
    expect(taken.report?.outcomes.retakes).toEqual([
      expect.objectContaining({ target: 'bosk', chance: 0, success: false }),
    ]);
  });

  test('the challenger hands back 1 − exitRampKept of the ground and keeps the rest', () => {
    expect(taken.occupations).toEqual([]);
    expect(taken.nations.bosk?.integrity).toBeCloseTo(100 - kept, 12);
    expect(taken.nations.varkal?.gains).toBeCloseTo(kept, 12);
  });

  test('it saves exitRampFace in consensus', () => {
    expect(changeTerm(taken, 'varkal', 'consensus', 'took the exit ramp in Northern March')).toBe(P.exitRampFace);
  });

  test("the offerer's sanctions are lifted; another sender's stay", () => {
    expect(taken.sanctions).toEqual([{ sender: 'dunmere', target: 'varkal', since: 1 }]);
  });

  test('the theater steps down a rung', () => {
    expect(changeTerm(taken, 'northmarch', 'rung', 'exit ramp taken')).toBe(-1);
  });
});

describe('an exit ramp not taken', () => {
  test.each<[string, string | null, ChallengerMove | undefined]>([
    ['no one offers one', null, undefined],
    ['the challenger makes a forceful move', 'aurelia', { type: 'probe', target: 'dunmere' }],
    ['the challenger offers it to itself', 'varkal', undefined],
  ])('%s: the ground, the sanctions and the consensus stay', (_why, offerer, move) => {
    const s = played(offerer, move);
    expect(s.report?.outcomes.exitRamps).toEqual([]);
    expect(s.occupations).toEqual([expect.objectContaining({ target: 'bosk', by: 'varkal', integrity: HELD })]);
    expect(s.nations.bosk?.integrity).toBe(100 - HELD);
    expect(s.sanctions).toHaveLength(2);
    expect(changeTerm(s, 'varkal', 'consensus', 'took the exit ramp in Northern March')).toBeUndefined();
  });
});

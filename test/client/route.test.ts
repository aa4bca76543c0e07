// Which screen shows, and what the create form's timer presets send.
import { describe, expect, it } from 'vitest';
import { PHASES } from '../../shared/index.js';
import { screenFor, timersFor } from '../../client/view/route.js';

describe('screenFor', () => {
  it('follows the match from the lobby to the game to the debrief', () => {
    const none = new URLSearchParams('');
    expect(screenFor('lobby', none)).toBe('lobby');
    expect(screenFor('playing', none)).toBe('game');
    expect(screenFor('ended', none)).toBe('debrief');
  });

  it('keeps the projector on its view whatever the status', () => {
    const projector = new URLSearchParams('view=projector&code=ABCD');
    for (const status of ['lobby', 'playing', 'ended']) expect(screenFor(status, projector)).toBe('projector');
  });
});

describe('timersFor', () => {
  it("sends nothing for the scenario's timers, null for none, and the same seconds for every phase", () => {
    expect(timersFor('scenario')).toEqual({});
    expect(Object.values(timersFor('none'))).toEqual(PHASES.map(() => null));
    expect(timersFor('60')).toEqual(Object.fromEntries(PHASES.map((p) => [p, 60])));
  });
});

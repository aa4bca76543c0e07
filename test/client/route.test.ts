// Which screen shows, the links that open each, and what the create form's timer presets send.
import { describe, expect, it } from 'vitest';
import { PHASES } from '../../shared/index.js';
import { inviteUrl, projectorUrl, reviewUrl, screenFor, timersFor } from '../../client/view/route.js';

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

describe('links', () => {
  it('opens the join form, the projector view and a review by code or id, escaped', () => {
    expect(inviteUrl('http://localhost:3100', 'ABCD2345')).toBe('http://localhost:3100/?code=ABCD2345');
    expect(projectorUrl('http://localhost:3100', 'ABCD2345')).toBe(
      'http://localhost:3100/?view=projector&code=ABCD2345',
    );
    expect(reviewUrl('', 'm 1&x')).toBe('/?aar=m%201%26x');
  });
  it('leads back to the screen it names', () => {
    const projector = new URL(projectorUrl('http://localhost:3100', 'ABCD2345'));
    expect(screenFor('playing', projector.searchParams)).toBe('projector');
    expect(new URL(inviteUrl('http://h', 'ABCD2345')).searchParams.get('code')).toBe('ABCD2345');
  });
});

describe('timersFor', () => {
  it("sends nothing for the scenario's timers, null for none, and the same seconds for every phase", () => {
    expect(timersFor('scenario')).toEqual({});
    expect(Object.values(timersFor('none'))).toEqual(PHASES.map(() => null));
    expect(timersFor('60')).toEqual(Object.fromEntries(PHASES.map((p) => [p, 60])));
  });
});

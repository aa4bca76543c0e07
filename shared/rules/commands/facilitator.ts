// White Cell pacing and settings: push a phase on, pause, extend a timer, show or hide the math.
import type { GameEvent } from '../../model/events.js';
import type { GameState } from '../../model/state.js';
import { fail, ok } from '../../result.js';
import { advance } from '../flow.js';
import type { Handler } from './context.js';

const settingsEvent = (state: GameState, text: string): GameEvent => ({
  kind: 'settings_changed',
  turn: state.turn,
  visibleTo: 'all',
  text,
});

export const advancePhase: Handler<'advance_phase'> = (state) => advance(state, { forced: true });

export const pause: Handler<'pause'> = (state) => {
  if (state.settings.paused) return fail('ERR_PAUSED', 'the match is already paused');
  return ok({
    state: { ...state, settings: { ...state.settings, paused: true } },
    events: [settingsEvent(state, 'The White Cell paused the match')],
  });
};

export const resume: Handler<'resume'> = (state) => {
  if (!state.settings.paused) return fail('ERR_NOT_YOUR_PHASE', 'the match is not paused');
  return ok({
    state: { ...state, settings: { ...state.settings, paused: false } },
    events: [settingsEvent(state, 'The White Cell resumed the match')],
  });
};

export const extendTimer: Handler<'extend_timer'> = (state, _seat, { seconds }) =>
  ok({
    state: { ...state, settings: { ...state.settings, extensionSeconds: state.settings.extensionSeconds + seconds } },
    events: [settingsEvent(state, `The White Cell added ${seconds} s to the ${state.phase.replace('_', ' ')} timer`)],
  });

export const setShowMath: Handler<'set_show_math'> = (state, _seat, { on }) =>
  ok({
    state: { ...state, settings: { ...state.settings, showMath: on } },
    events: [settingsEvent(state, `Show the math: ${on ? 'on' : 'off'}`)],
  });

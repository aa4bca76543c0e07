// The page's addresses (which screen a snapshot and the query call for, and the links that open
// each) and the create form's timer presets: pure, tested headless.
import { PHASES } from '../../shared/model/vocabulary.js';

export type ScreenName = 'lobby' | 'game' | 'debrief' | 'projector';

/** The projector view when asked for; otherwise the lobby, the game, or the debrief once it ends. */
export const screenFor = (status: string, params: URLSearchParams): ScreenName => {
  if (params.get('view') === 'projector') return 'projector';
  if (status === 'lobby') return 'lobby';
  return status === 'ended' ? 'debrief' : 'game';
};

/** The home page with the join form filled in: what players are sent. */
export const inviteUrl = (origin: string, code: string): string => `${origin}/?code=${encodeURIComponent(code)}`;

/** The classroom screen's view of a match: map, ladders and public timeline, no controls. */
export const projectorUrl = (origin: string, code: string): string =>
  `${origin}/?view=projector&code=${encodeURIComponent(code)}`;

/** A recorded match's after-action review. */
export const reviewUrl = (origin: string, matchId: string): string => `${origin}/?aar=${encodeURIComponent(matchId)}`;

/** Timer choices: the scenario's own, none (the White Cell advances), or one length for every phase. */
export const TIMER_PRESETS = [
  { id: 'scenario', label: "The scenario's timers" },
  { id: 'none', label: 'No timers: the White Cell advances each phase' },
  { id: '60', label: '60 seconds per phase (a fast class)' },
  { id: '180', label: '3 minutes per phase' },
  { id: '600', label: '10 minutes per phase (a tabletop session)' },
] as const;

/** The `timers` create option for a preset: {} keeps the scenario's. */
export const timersFor = (preset: string): Record<string, number | null> => {
  if (preset === 'scenario') return {};
  const seconds = preset === 'none' ? null : Number(preset);
  return Object.fromEntries(PHASES.map((p) => [p, seconds]));
};

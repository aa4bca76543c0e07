// What a challenger's move is, for the rules that weigh it: the decisive threat it sets and
// whether it is fought with forces.
import { MOVE_THREAT, type MoveType } from '../model/vocabulary.js';

/** The move that sets the decisive threat: nuclear signaling is coercion, nuclear use a major attack. */
export const asForceful = (m: MoveType): 'probe' | 'coerce' | 'limited_attack' | 'major_attack' | null =>
  m === 'escalate' || m === 'nuclear_signal'
    ? 'coerce'
    : m === 'nuclear_use'
      ? 'major_attack'
      : m === 'probe' || m === 'coerce' || m === 'limited_attack' || m === 'major_attack'
        ? m
        : null;

/** Moves fought with forces (limited, major and nuclear attacks): resilience does not help against them. */
export const isArmedMove = (m: MoveType): boolean => MOVE_THREAT[m] === 'armed_attack';

// Seeded hostile frames: unknown types of every length up to 10,000 characters, random and
// malformed payloads for the known types, prototype keys, deep nesting, binary and garbage frames,
// oversize frames, and well-formed commands sent from the wrong seat or in the wrong phase.
import { Seeded } from './seeded.js';
import { bytesFrame, commandWithKey, messageFrame, rawMessageFrame } from '../server/rawFrames.js';

/** The room's message types (docs/PROTOCOL.md section 3). */
export const ROOM_TYPES = ['command', 'take_seat', 'set_bot', 'start', 'chat', 'draft', 'move_client', 'kick'];

/** Commands no seat may send in the briefing phase, or that a challenger may never send. */
const WRONG_FOR_CHALLENGER_IN_BRIEFING: readonly unknown[] = [
  { type: 'move', move: { kind: 'probe', region: 'north', target: null } },
  {
    type: 'allocate',
    allocation: {
      readiness: 1,
      modernization: 1,
      extendedDeterrence: 0,
      domestic: 1,
      forwardPosture: {},
      foreignAid: {},
    },
  },
  { type: 'statement', kind: 'red_line', subject: 'g1', text: 'x' },
  { type: 'statement', kind: 'exit_ramp', subject: 'north', text: '\uD800' },
  { type: 'answer_guarantee', guarantee: 'g1', choice: 'honor' },
  { type: 'answer_ally', choice: 'resist' },
  { type: 'advance_phase' },
  { type: 'pause' },
  { type: 'resume' },
  { type: 'extend_timer', seconds: 60 },
  { type: 'inject', card: 'storm' },
  { type: 'inject_custom', title: 'x', text: 'y', effects: [] },
  { type: 'override', reason: 'because', success: {} },
  { type: 'publish' },
  { type: 'set_show_math', on: false },
  { type: 'back' },
];

/** Room messages only the White Cell may send, or that change nothing for an observer. */
const WRONG_FOR_OBSERVER: readonly [string, unknown][] = [
  ['command', { type: 'ready' }],
  ['command', { type: 'pause' }],
  ['start', undefined],
  ['chat', { channel: 'public', text: 'hello' }],
  ['chat', { channel: 'broadcast', text: 'hello' }],
  ['draft', { type: 'ready' }],
  ['set_bot', { seat: 'aurelia', policy: 'hawk' }],
  ['move_client', { client: 'x', seat: 'aurelia' }],
  ['kick', { client: 'x' }],
  ['take_seat', { seat: 'aurelia' }],
];

const NASTY_STRINGS = [
  '',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '\uD800',
  '\uDC00x',
  '\u0000',
  '\u202e',
  '%s%n',
  '😀',
  '\r\n',
];

const ALPHABETS = ['abcxyz_-', 'é€漢字', '\uD83D\uDE00\uD800\uDFFF', '\u0000\u001f\u007f\u202e'];

export interface Attack {
  frame: Uint8Array;
  /** The server may close the connection on it (over the transport limit, a leave). */
  mayClose: boolean;
}

export class AttackGenerator extends Seeded {
  /** 1 to `max`, log-uniformly: short ones most often, every order of magnitude reached. */
  private length(max: number): number {
    return Math.max(1, Math.floor(Math.exp(this.rng.float() * Math.log(max + 1))));
  }

  private text(max: number): string {
    const n = this.length(max);
    if (this.rng.chance(0.3))
      return this.pick(NASTY_STRINGS)
        .repeat(Math.ceil(n / 4))
        .slice(0, n);
    // A random run of a random alphabet, repeated to length: cheap enough for 100,000 frames.
    const alphabet = this.pick(ALPHABETS);
    let run = '';
    for (let i = 0; i < Math.min(n, 16); i++) run += alphabet[this.rng.int(alphabet.length)];
    return run.repeat(Math.ceil(n / run.length)).slice(0, n);
  }

  private value(depth: number): unknown {
    const roll = this.rng.int(depth > 4 ? 4 : 8);
    switch (roll) {
      case 0:
        return this.pick([null, true, false, 0, -1, 1e308, -0, Number.NaN, Infinity, 2 ** 53 + 1, 0.5]);
      case 1:
      case 2:
        return this.text(this.rng.chance(0.05) ? 6000 : 60);
      case 3:
        return this.rng.int(1000);
      case 4:
        // A long flat array now and then (more values than the server takes), else a small nested one.
        if (depth === 0 && this.rng.chance(0.05)) return Array.from({ length: 2500 }, (_, i) => i);
        return Array.from({ length: this.rng.int(5) }, () => this.value(depth + 1));
      case 5:
        return new Uint8Array(this.rng.int(40));
      default: {
        const out: Record<string, unknown> = {};
        const keys = this.rng.int(6);
        for (let i = 0; i < keys; i++)
          // An own property even for "__proto__", which plain assignment would turn into a prototype.
          Object.defineProperty(
            out,
            this.rng.chance(0.3) ? this.pick(['type', 'seat', 'text', 'channel', 'allocation']) : this.text(40),
            { value: this.value(depth + 1), enumerable: true, writable: true, configurable: true },
          );
        if (this.rng.chance(0.5)) out.type = this.pick(['ready', 'allocate', 'move', 'statement', 'override', 'nuke']);
        return out;
      }
    }
  }

  private deepNesting(): Uint8Array {
    const bytes = new Uint8Array(this.length(30_000) + 1).fill(0x91);
    bytes[bytes.length - 1] = 0xc0;
    return bytes;
  }

  /** A frame a client in `seat` sends; `seat` is an observer or the challenger in the briefing. */
  next(seat: 'observer' | 'challenger'): Attack {
    const roll = this.rng.float();
    const known = this.pick(ROOM_TYPES);
    const frame = (f: Uint8Array, mayClose = false): Attack => ({ frame: f, mayClose });
    if (roll < 0.25) {
      const type = this.rng.chance(0.1) ? this.pick(NASTY_STRINGS) : this.text(10_000);
      return frame(messageFrame(type, this.rng.chance(0.5) ? this.value(0) : undefined));
    }
    if (roll < 0.45) {
      // Random payloads for the known types; the challenger only sends commands that cannot apply now.
      if (seat === 'challenger') return frame(messageFrame('command', this.malformedCommand()));
      return frame(messageFrame(known, this.value(0)));
    }
    if (roll < 0.7) {
      if (seat === 'challenger') return frame(messageFrame('command', this.pick(WRONG_FOR_CHALLENGER_IN_BRIEFING)));
      const [type, payload] = this.pick(WRONG_FOR_OBSERVER);
      return frame(messageFrame(type, payload));
    }
    if (roll < 0.77) {
      const bytes = Uint8Array.from({ length: this.rng.int(64) }, () => this.rng.int(256));
      return frame(bytesFrame(this.rng.chance(0.5) ? known : this.text(300), bytes));
    }
    if (roll < 0.84) {
      // Any first byte but LEAVE_ROOM (12), then noise: Colyseus codes with nothing sensible after them.
      const first = this.pick([0, 10, 11, 13, 14, 17, 99, 255]);
      const noise = Array.from({ length: this.rng.int(64) }, () => this.rng.int(256));
      return frame(Uint8Array.from([first, ...noise]), true);
    }
    if (roll < 0.92) {
      // Prototype keys written as msgpack map keys, inside a command that names a real type.
      const key = this.pick(['__proto__', 'constructor', 'prototype']);
      return frame(rawMessageFrame('command', commandWithKey('ready', key, { polluted: true })));
    }
    if (seat === 'challenger' || roll < 0.985) {
      // Nesting within the server's limits of decoding: refused by the cleaning, not fatal to msgpack.
      let nested: unknown = { type: 'ready' };
      for (let i = this.length(40); i > 0; i--) nested = this.rng.chance(0.5) ? [nested] : { a: nested };
      return frame(messageFrame(known, nested));
    }
    // The rest may close the connection (over the frame limit, a leave): the attacker joins again.
    const closing = this.rng.float();
    if (closing < 0.3) return frame(messageFrame('chat', { channel: 'public', text: 'x'.repeat(70_000) }), true);
    if (closing < 0.6) return frame(rawMessageFrame(known, this.deepNesting()), true);
    if (closing < 0.8) return frame(rawMessageFrame(known, [0xc1, 0xc1]), true); // 0xc1: never valid msgpack
    return frame(Uint8Array.from([12]), true); // LEAVE_ROOM
  }

  /** A command payload that no schema accepts, so even the challenger's seat cannot act with it. */
  private malformedCommand(): unknown {
    const value = this.value(1);
    const base = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : { v: value };
    return { ...base, type: this.pick(['ready', 'back', 'statement', 'allocate']), extraKeyNoSchemaHas: this.text(20) };
  }
}

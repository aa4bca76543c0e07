// Reading what a frame claims to be, as a table: the kinds, the type, where the payload starts.
import { describe, expect, it } from 'vitest';
import { readFrame } from '../../server/rooms/frames.js';
import { bytesFrame, messageFrame } from './rawFrames.js';

const frame = (bytes: Uint8Array | number[]) => readFrame(Buffer.from(bytes));

describe('readFrame', () => {
  it.each([
    ['a short type', messageFrame('chat', {}), { kind: 'message', type: 'chat', payloadAt: 6 }],
    ['an empty type', messageFrame('', {}), { kind: 'message', type: '', payloadAt: 2 }],
    ['a 200-byte type', messageFrame('y'.repeat(200)), { kind: 'message', type: 'y'.repeat(200), payloadAt: 203 }],
    [
      'a 10,000-byte type',
      messageFrame('y'.repeat(10_000)),
      { kind: 'message', type: 'y'.repeat(10_000), payloadAt: 10_004 },
    ],
    ['a numeric type', messageFrame(7, {}), { kind: 'message', type: 7, payloadAt: 2 }],
    ['bytes', bytesFrame('command', new Uint8Array(3)), { kind: 'bytes', type: 'command' }],
    ['the join acknowledgement', [10], { kind: 'control' }],
    ['a leave', [12], { kind: 'control' }],
    ['nothing', [], { kind: 'garbage' }],
    ['an unknown protocol code', [99, 1, 2], { kind: 'garbage' }],
    ['a type code alone', [13], { kind: 'garbage' }],
    ['a type longer than the frame', [13, 0xdb, 0xff, 0xff, 0xff, 0x7f, 0x61], { kind: 'garbage' }],
    ['a cut-off length', [13, 0xda, 0x05], { kind: 'garbage' }],
  ])('%s', (_what, bytes, expected) =>
    expect(frame(bytes instanceof Uint8Array ? [...bytes] : bytes)).toEqual(expected),
  );

  it('reads invalid UTF-8 in a type as replacement characters, without a word to the log', () => {
    expect(frame([13, 0xa3, 0x61, 0xff, 0x62])).toEqual({ kind: 'message', type: 'a\uFFFDb', payloadAt: 5 });
  });
});

// docs/PROTOCOL.md must not drift from the code: every command, error code, room message (received
// or sent), chat channel, create and join option, state field, public view key, secret key and
// breakdown field the code defines is named in it, in backticks.
import { readFileSync, readdirSync } from 'node:fs';
import { Metadata } from '@colyseus/schema';
import { describe, expect, it } from 'vitest';
import { MAX_FRAME_BYTES, MAX_REQUEST_BYTES } from '../../server/access/limits.js';
import {
  BreakdownRequestSchema,
  CHAT_CHANNELS,
  CreateOptionsSchema,
  JoinOptionsSchema,
} from '../../shared/protocol/roomMessages.js';
import { CrisisState, MemberInfo, PublicView, SeatInfo, SeatSecrets } from '../../server/rooms/schema/CrisisState.js';
import { CommandSchema, ERROR_CODES, MAX_DEPTH, MAX_VALUES, SECRET_KEYS } from '../../shared/index.js';
import { BreakdownsSchema } from '../../shared/protocol/breakdown.js';

const doc = readFileSync(new URL('../../docs/PROTOCOL.md', import.meta.url), 'utf8');

/** The names the doc lacks, each looked for as `name`. */
const missing = (names: readonly string[]): string[] => names.filter((n) => !doc.includes(`\`${n}\``));

/** The source text of every TypeScript file of the room (the room may be split over several files). */
const roomsDir = new URL('../../server/rooms/', import.meta.url);
const roomSource = readdirSync(roomsDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(new URL(f, roomsDir), 'utf8'))
  .join('\n');

/** The first argument of every call `fn('name'` in the room's source. */
const namesCalled = (fn: string): string[] => [
  ...new Set([...roomSource.matchAll(new RegExp(`\\b${fn}\\(\\s*['"\`]([\\w-]+)['"\`]`, 'g'))].map((m) => m[1] ?? '')),
];

const fieldsOf = (schema: unknown): string[] => Object.keys(Metadata.getFields(schema) as Record<string, unknown>);

describe('docs/PROTOCOL.md', () => {
  it('names every command type', () => {
    const types = CommandSchema.options.map((o) => o.shape.type.value);
    expect(types.length).toBeGreaterThan(10);
    expect(missing(types)).toEqual([]);
  });

  it('names every error code', () => {
    expect(missing(ERROR_CODES)).toEqual([]);
  });

  it('names every message type the room registers', () => {
    const registered = [...namesCalled('onMessage'), ...namesCalled('handle')];
    expect(registered).toContain('command');
    expect(missing(registered)).toEqual([]);
  });

  it('names every message type the room sends', () => {
    const sent = [...namesCalled('send'), ...namesCalled('broadcast')];
    expect(sent).toEqual(expect.arrayContaining(['welcome', 'error']));
    expect(missing(sent)).toEqual([]);
  });

  it('names every chat channel', () => {
    expect(missing(CHAT_CHANNELS)).toEqual([]);
  });

  it('names every create and join option', () => {
    expect(missing(Object.keys(CreateOptionsSchema.shape))).toEqual([]);
    expect(missing(Object.keys(JoinOptionsSchema.shape))).toEqual([]);
  });

  it('names every field of the state and of its entries', () => {
    const fields = [CrisisState, SeatInfo, MemberInfo, SeatSecrets].flatMap(fieldsOf);
    expect(fields).toEqual(expect.arrayContaining(['secrets', 'view', 'draft', 'drafts']));
    expect(missing(fields)).toEqual([]);
  });

  it('names every key of the public view, and every secret key', () => {
    const keys = fieldsOf(PublicView);
    expect(keys).toEqual(expect.arrayContaining(['nations', 'report', 'params']));
    expect(missing(keys)).toEqual([]);
    expect(missing(SECRET_KEYS)).toEqual([]);
  });

  it('names every field of the breakdown request and reply', () => {
    const fields = [...Object.keys(BreakdownRequestSchema.shape), ...Object.keys(BreakdownsSchema.shape)];
    expect(fields).toContain('overrideNotes');
    expect(missing(fields)).toEqual([]);
  });

  it('states the size limits the server enforces, and every close code a client can meet', () => {
    const figures = [MAX_FRAME_BYTES, MAX_REQUEST_BYTES, MAX_VALUES].map((n) => n.toLocaleString('en'));
    for (const figure of figures) expect(doc).toContain(figure);
    expect(doc).toContain(`${MAX_DEPTH} levels`);
    expect(missing(['1009', '4000', '4002', '4008', 'MAX_FRAME_BYTES', 'MAX_REQUEST_BYTES', 'MESSAGE_RATE'])).toEqual(
      [],
    );
  });
});

// Helpers for network tests: a booted test server per vitest worker, and waiting on room state.
import { createServer } from 'node:net';
import { type ColyseusTestServer, boot } from '@colyseus/testing';
import type { Room } from 'colyseus.js';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type GameView, NO_TIMERS, SECRETS_WIRE, readView } from '../../shared/index.js';
import { readWire } from '../../shared/protocol/wireShape.js';
import appConfig from '../../server/app.config.js';

// Each test process journals to its own in-memory database unless a test asks for a file.
process.env.DATABASE_PATH ??= ':memory:';
// Test files create far more matches a minute than a teacher; the limit has its own test.
process.env.CREATES_PER_MINUTE ??= '100000';

let port = 0;

/** The port the test server of this file listens on. */
export const testPort = (): number => port;

/** A port the system says is free now (boot() itself cannot take port 0, STACK.md). */
const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, () => {
      const address = probe.address();
      const found = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(found));
    });
  });

/** Boots the app on a free port, so test files and other processes never collide. */
export const bootServer = async (): Promise<ColyseusTestServer> => {
  port = await freePort();
  return boot(appConfig, port);
};

/**
 * Boots a test server for the file and shuts it down after; with `cleanEach`, every test starts with
 * no rooms. `before` runs ahead of the boot (e.g. to set environment the server reads at start).
 */
export const useTestServer = (
  options: { cleanEach?: boolean; before?: () => void } = {},
): (() => ColyseusTestServer) => {
  let server: ColyseusTestServer | undefined;
  beforeAll(async () => {
    options.before?.();
    server = await bootServer();
  });
  afterAll(async () => {
    await server?.shutdown();
  });
  if (options.cleanEach)
    beforeEach(async () => {
      await server?.cleanup();
    });
  return () => {
    if (!server) throw new Error('the test server is not booted yet');
    return server;
  };
};

/** How long a network test waits for what should happen: far above its need, so a busy machine only slows it. */
export const PATIENCE_MS = 30_000;

/** Polls until `check` holds for the client's decoded state (waitForNextPatch never resolves in 0.16.22). */
export const until = async (check: () => boolean, what: string, timeoutMs = PATIENCE_MS): Promise<void> => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** Resolves with the next message of `type` the client receives. */
export const nextMessage = <T = unknown>(room: Room, type: string, timeoutMs = PATIENCE_MS): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${type}" message within ${timeoutMs} ms`)), timeoutMs);
    const off = room.onMessage(type, (payload: T) => {
      clearTimeout(timer);
      off();
      resolve(payload);
    });
  });

// The decoded client state is untyped; tests read it through this narrow view.
export type ClientState = {
  code: string;
  status: string;
  phase: string;
  turn: number;
  /** The public view's typed fields: read them with viewOf. */
  view: unknown;
  secrets: Map<string, unknown>;
  deadline: number;
  seats: Map<string, { humans: number; bot: string; owes: boolean; civilDisorder: boolean }>;
  members: Map<string, { id: string; name: string; seat: string; connected: boolean }>;
};
export const stateOf = (room: Room): ClientState => room.state as ClientState;
/** The seat's secret entry as the client decoded it: the secret view keys present, and the drafts. */
export const secretOf = (room: Room, seat: string): Record<string, unknown> | undefined => {
  const entry = stateOf(room).secrets?.get(seat);
  return entry === undefined ? undefined : (readWire(SECRETS_WIRE, entry, 'secrets') as Record<string, unknown>);
};

/** The seat's view as this client rebuilds it (checked against the view's schema). */
export const viewOf = (room: Room, seat: string): GameView => readView(stateOf(room), seat, true);

/** The secret a creating client presents to become the White Cell. */
export const HOST_TOKEN = 'test-host-token-0123456789';

/** Creating and joining matches on a test server. */
export const matchHelpers = (server: () => ColyseusTestServer) => ({
  /** Creates a classroom match as the White Cell, with no timers so only commands move it. */
  createMatch: async (extra: Record<string, unknown> = {}) => {
    const host = await server().sdk.create('crisis', {
      scenario: 'classroom',
      name: 'Teacher',
      timers: NO_TIMERS,
      seed: 7,
      hostToken: HOST_TOKEN,
      ...extra,
    });
    const welcome = await nextMessage<{ seat: string; code: string; facilitatorKey?: string }>(host, 'welcome');
    return { host, welcome };
  },
  /** Joins by code and, when a seat is named, takes it. */
  joinAs: async (code: string, name: string, seat?: string) => {
    const room = await server().sdk.join('crisis', { code, name });
    await until(() => stateOf(room).code === code, 'the first patch');
    if (seat) {
      const seated = nextMessage<{ seat: string }>(room, 'seated');
      room.send('take_seat', { seat });
      await seated;
    }
    return room;
  },
});

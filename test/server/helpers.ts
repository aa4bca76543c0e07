// Helpers for network tests: a booted test server per vitest worker, and waiting on room state.
import { type ColyseusTestServer, boot } from '@colyseus/testing';
import type { Room } from 'colyseus.js';
import appConfig from '../../server/app.config.js';

/** boot() cannot take port 0: give each vitest worker its own port (STACK.md). */
export const testPort = (): number => 2600 + Number(process.env.VITEST_POOL_ID ?? 0);

export const bootServer = (): Promise<ColyseusTestServer> => boot(appConfig, testPort());

/** Polls until `check` holds for the client's decoded state (waitForNextPatch never resolves in 0.16.22). */
export const until = async (check: () => boolean, what: string, timeoutMs = 3000): Promise<void> => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** Resolves with the next message of `type` the client receives. */
export const nextMessage = <T = unknown>(room: Room, type: string, timeoutMs = 3000): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${type}" message within ${timeoutMs} ms`)), timeoutMs);
    const off = room.onMessage(type, (payload: T) => {
      clearTimeout(timer);
      off();
      resolve(payload);
    });
  });

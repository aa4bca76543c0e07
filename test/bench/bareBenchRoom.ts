// One bare-room benchmark room, driven like a Guarantor one (benchRoom.ts): a host and five
// players on real colyseus.js connections; each player sends one command after a think time, waits
// until its own state shows it, thinks again. Every command is timed from the moment it is sent to
// the first patch at each of the five OTHER clients that shows it, into the same Tally.
import type { Client, Room } from 'colyseus.js';
import type { BenchRoom, Tally } from './benchRoom.js';

/** The bare room's decoded state (bareServer.ts). */
interface BareWire {
  commands: number;
  seats?: Map<string, { seq: number }>;
}

const PLAYERS = 5;

interface Sent {
  from: Room<BareWire>;
  seat: string;
  seq: number;
  t0: number;
  measured: boolean;
  seenBy: Set<Room<BareWire>>;
  samples: number[];
}

/**
 * Opens a bare room with six clients; `start()` begins play. `payloadBytes` pads each command to
 * about the JSON size of the Guarantor commands measured in the same run.
 */
export const openBareRoom = async (
  client: Client,
  tally: Tally,
  think: () => number,
  payloadBytes: number,
): Promise<BenchRoom> => {
  const host = await client.create<BareWire>('bare');
  const players = await Promise.all(Array.from({ length: PLAYERS }, () => client.joinById<BareWire>(host.roomId)));
  const rooms = [host, ...players];
  // {"seq":123456,"text":"…"} is 24 bytes around the text.
  const text = 'x'.repeat(Math.max(0, Math.round(payloadBytes) - 24));
  const open: Sent[] = [];
  let stopped = false;
  let seq = 0;
  const close = (c: Sent) => {
    const at = open.indexOf(c);
    if (at < 0) return;
    open.splice(at, 1);
    if (!c.measured) return;
    tally.accepted++;
    if (c.samples.length === 0) tally.unseen++;
    else {
      tally.latencies.push(...c.samples);
      const kind = tally.byKind.get('command') ?? [];
      kind.push(...c.samples);
      tally.byKind.set('command', kind);
      tally.missing += PLAYERS - c.samples.length;
    }
  };
  for (const room of rooms) {
    room.onMessage('*', () => undefined);
    room.onStateChange((s) => {
      const now = performance.now();
      if (tally.measuring) tally.patches++;
      for (const c of [...open]) {
        if (c.from === room || c.seenBy.has(room) || (s.seats?.get(c.seat)?.seq ?? 0) < c.seq) continue;
        c.seenBy.add(room);
        c.samples.push(now - c.t0);
        if (c.seenBy.size === PLAYERS) close(c);
      }
    });
  }
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const drivers = players.map((room) => {
    const seat = room.sessionId;
    let pending: Sent | null = null;
    const act = () => {
      if (stopped) return;
      // The seat's previous command is settled now: a client that has not seen it never will.
      for (const c of open.filter((o) => o.from === room)) close(c);
      const sent: Sent = {
        from: room,
        seat,
        seq: ++seq,
        t0: performance.now(),
        measured: tally.measuring,
        seenBy: new Set(),
        samples: [],
      };
      const command = { seq: sent.seq, text };
      if (sent.measured) {
        tally.sent++;
        tally.commandBytes += JSON.stringify(command).length;
      }
      open.push(sent);
      pending = sent;
      room.send('command', command);
    };
    const schedule = () => {
      if (stopped) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        act();
      }, think());
      timers.add(timer);
    };
    room.onStateChange((s) => {
      // One command at a time per seat, as in the Guarantor rooms.
      if (pending && (s.seats?.get(seat)?.seq ?? 0) >= pending.seq) {
        pending = null;
        schedule();
      }
    });
    room.onLeave(() => {
      stopped = true;
    });
    return schedule;
  });
  return {
    start: () => drivers.forEach((schedule) => schedule()),
    ended: () => false,
    flush: () => {
      for (const c of [...open]) close(c);
    },
    close: async () => {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      for (const room of rooms) {
        room.removeAllListeners();
        room.onMessage('*', () => undefined);
      }
      await Promise.all(rooms.map((r) => r.leave(true).catch(() => 0)));
    },
  };
};

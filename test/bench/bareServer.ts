// The benchmark's yardstick, never shipped: a bare Colyseus 0.16 server with one minimal room, run
// by `npm run bench:server` as a child process beside the real one (`node --import tsx
// test/bench/bareServer.ts`, PORT from the environment). What it costs is what the framework costs
// for the same clients and commands: WebSocket frames in and out, schema encoding, a patch per command.
import { createServer } from 'node:http';
import { type Client, Room, Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { MapSchema, schema } from '@colyseus/schema';

/** One client's slot: what its last command set. */
const BareSeat = schema(
  {
    /** The sequence number of the seat's last command: what the other clients wait to see. */
    seq: 'uint32',
    /** A short text from the command, so a patch carries a string as Guarantor's do. */
    note: 'string',
    /** Whether the seat has a command in flight, like Guarantor's `owes`. */
    owes: 'boolean',
  },
  'BareSeat',
);
type BareSeat = InstanceType<typeof BareSeat>;

const BareState = schema(
  {
    /** Commands the room took: a field every patch changes. */
    commands: 'uint32',
    seats: { map: BareSeat },
  },
  'BareState',
);
type BareState = InstanceType<typeof BareState>;

/** The room a bench client joins: one handler that changes a field, then patches at once. */
class BareRoom extends Room<BareState> {
  maxClients = 80;

  onCreate(): void {
    this.setState(new BareState({ commands: 0, seats: new MapSchema<BareSeat>() }));
    this.onMessage('command', (client, message: unknown) => {
      const seat = this.state.seats.get(client.sessionId);
      if (!seat || typeof message !== 'object' || message === null) return;
      const { seq, text } = message as { seq?: unknown; text?: unknown };
      if (typeof seq !== 'number') return;
      seat.seq = seq;
      seat.note = typeof text === 'string' ? text.slice(0, 32) : '';
      this.state.commands++;
      // As the real room does after an accepted command (STACK.md): the patch goes out now.
      this.broadcastPatch();
    });
  }

  onJoin(client: Client): void {
    this.state.seats.set(client.sessionId, new BareSeat({ seq: 0, note: '', owes: true }));
  }

  onLeave(client: Client): void {
    this.state.seats.delete(client.sessionId);
  }

  onUncaughtException(error: Error, methodName: string): void {
    console.error(`bare room: ${methodName}: ${error.message}`);
  }
}

const http = createServer((req, res) => {
  res.writeHead(req.url === '/health' ? 200 : 404, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ ok: req.url === '/health' }));
});
const server = new Server({ transport: new WebSocketTransport({ server: http }), greet: false });
server.define('bare', BareRoom);
void server.listen(Number(process.env.PORT ?? 2568));

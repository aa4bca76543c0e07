// The server's configuration: the `crisis` room, found by its join code, and the HTTP routes.
import { matchMaker } from '@colyseus/core';
import config from '@colyseus/tools';
import { serverLog } from './access/boundedLog.js';
import { guardJoinCodes } from './access/codeGuard.js';
import { guardMatchmaking } from './access/matchmakeGuard.js';
import { mountMonitor } from './access/monitor.js';
import { newTransport } from './access/transport.js';
import { closeJournal } from './journal/journalStore.js';
import { restoreMatches } from './match/restoreMatches.js';
import { mountMaps } from './maps/route.js';
import { CrisisRoom } from './rooms/CrisisRoom.js';
import { mountRecords } from './web/records.js';
import { mountErrorAnswers } from './web/httpErrors.js';
import { mountClient } from './web/routes.js';

export default config({
  // Colyseus logs every refused upgrade and transport error with its stack: bounded here.
  options: { logger: serverLog },
  initializeTransport: newTransport,
  initializeGameServer: (gameServer) => {
    gameServer.define('crisis', CrisisRoom).filterBy(['code']);
    guardJoinCodes('crisis');
    guardMatchmaking(gameServer);
    gameServer.onShutdown(closeJournal);
  },
  // Unfinished matches come back before the first connection is taken.
  beforeListen: async () => {
    await restoreMatches();
  },
  initializeExpress: (app) => {
    mountMonitor(app, process.env.MONITOR_PASSWORD);
    mountRecords(app);
    mountClient(app, async () => (await matchMaker.query({ name: 'crisis' })).length);
    mountMaps(app);
    app.get('/health', async (_req, res) => {
      const rooms = await matchMaker.query({ name: 'crisis' });
      res.json({ ok: true, rooms: rooms.length });
    });
    mountErrorAnswers(app);
  },
});

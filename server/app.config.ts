// The server's configuration: the `crisis` room, found by its join code, and the HTTP routes.
import { matchMaker } from '@colyseus/core';
import config from '@colyseus/tools';
import { CrisisRoom } from './rooms/CrisisRoom.js';

export default config({
  initializeGameServer: (gameServer) => {
    gameServer.define('crisis', CrisisRoom).filterBy(['code']);
  },
  initializeExpress: (app) => {
    app.get('/health', async (_req, res) => {
      const rooms = await matchMaker.query({ name: 'crisis' });
      res.json({ ok: true, rooms: rooms.length });
    });
  },
});

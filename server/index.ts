// Starts the server: listen, then compute the scenario maps in the background. Port from PORT (default 2567).
import { listen } from '@colyseus/tools';
import app from './app.config.js';
import { warmMaps } from './maps/mapFor.js';

const port = Number(process.env.PORT ?? 2567);
void listen(app, port).then(() => warmMaps());

// Starts the server: listen only. Port from PORT (default 2567).
import { listen } from '@colyseus/tools';
import app from './app.config.js';

const port = Number(process.env.PORT ?? 2567);
void listen(app, port);

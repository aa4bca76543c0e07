// `npm start`: builds the browser client when its sources changed since the last build, then runs
// the server, which serves the client at `/`.
import { build } from 'vite';
import { CLIENT_DIST, ROOT, clientIsStale } from '../server/web/clientBuild.js';

if (clientIsStale()) {
  console.log(`building the client into ${CLIENT_DIST} …`);
  await build({ configFile: `${ROOT}/vite.config.ts`, logLevel: 'warn', build: { outDir: CLIENT_DIST } });
}
await import('../server/index.js');

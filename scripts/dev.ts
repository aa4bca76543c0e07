// `npm run dev`: the game server (restarted on change) plus Vite's dev server with hot reload.
// Open the address Vite prints; the page talks to the game server on :2567 directly.
import { spawn } from 'node:child_process';
import { createServer } from 'vite';
import { ROOT } from '../server/web/clientBuild.js';

const server = spawn(process.execPath, ['--import', 'tsx', '--watch', 'server/index.ts'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, PORT: '2567' },
});
const vite = await createServer({ configFile: `${ROOT}/vite.config.ts` });
await vite.listen();
vite.printUrls();

const stop = () => {
  server.kill();
  void vite.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

// Builds the browser client (client/) into dist/client, which the server serves at `/`.
// `npm run dev` runs this with hot reload; the page then talks to the server on :2567.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'client',
  publicDir: false,
  resolve: {
    // Phaser's own build without the Matter physics engine, which the map never uses: 34 KB gzip less.
    alias: { phaser: fileURLToPath(new URL('node_modules/phaser/dist/phaser-arcade-physics.min.js', import.meta.url)) },
  },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill would be an inline script, which the page's CSP forbids.
    modulePreload: { polyfill: false },
    // Phaser (about 360 KB gzip) arrives in a chunk of its own through the game screen's dynamic import.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    // In development the page comes from Vite; its HTTP reads go to the game server.
    proxy: { '/api': 'http://localhost:2567', '/maps': 'http://localhost:2567' },
  },
});

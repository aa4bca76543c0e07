// Builds the browser client (client/) into dist/client, which the server serves at `/`.
// `npm run dev` runs this with hot reload; the page then talks to the server on :2567.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

// The production bundle builds Phaser from its sources with only what the map draws with: the core
// (no physics, tilemaps or sound) and the Canvas renderer (no WebGL). 165 KB gzip instead of 357.
// Phaser's flags are `typeof X` expressions its own builds replace; so do we.
const PHASER_FLAGS = {
  'typeof CANVAS_RENDERER': 'true',
  'typeof WEBGL_RENDERER': 'false',
  'typeof WEBGL_DEBUG': 'false',
  'typeof FEATURE_SOUND': 'false',
  'typeof PLUGIN_CAMERA3D': 'false',
  'typeof PLUGIN_FBINSTANT': 'false',
};

export default defineConfig(({ command }) => ({
  root: 'client',
  publicDir: false,
  resolve: {
    alias:
      command === 'build'
        ? [
            { find: /^phaser$/, replacement: path('client/map/phaserLite.ts') },
            { find: /^phaser-src\/(.*)$/, replacement: path('node_modules/phaser/src/$1') },
          ]
        : // Hot reload keeps Phaser's prebuilt bundle: nothing to rebuild on each start.
          [{ find: /^phaser$/, replacement: path('node_modules/phaser/dist/phaser.esm.js') }],
  },
  define: command === 'build' ? { ...PHASER_FLAGS, global: 'globalThis' } : {},
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill would be an inline script, which the page's CSP forbids.
    modulePreload: { polyfill: false },
    // Phaser arrives in a chunk of its own through the game screen's dynamic import.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    // In development the page comes from Vite; its HTTP reads go to the game server.
    proxy: { '/api': 'http://localhost:2567', '/maps': 'http://localhost:2567' },
  },
}));

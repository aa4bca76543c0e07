// Debian's Chromium driven by playwright-core (STACK.md: never a downloaded browser), and the client
// build the server serves. Shared by the browser tests and scripts/firstMap.ts.
import { existsSync } from 'node:fs';
import { type Browser, type BrowserServer, chromium } from 'playwright-core';
import { build } from 'vite';
import { ROOT, clientIsStale } from '../../server/web/clientBuild.js';

/** The browser; CHROMIUM_PATH overrides Debian's. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** STACK.md's flags: headless, no sandbox or GPU (SwiftShader renders WebGL), no background traffic. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
];

const launchOptions = () => {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `no Chromium at ${CHROMIUM_PATH}: install Debian's (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  // Playwright gives every launch a fresh temporary profile (user-data-dir) and deletes it on close.
  return { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true };
};

/** A browser for this process. */
export const launchChromium = (): Promise<Browser> => chromium.launch(launchOptions());

/** A browser other processes (vitest workers) reach with `chromium.connect(server.wsEndpoint())`. */
export const launchChromiumServer = (): Promise<BrowserServer> => chromium.launchServer(launchOptions());

/** Builds the production client into `outDir` (dist/client when not given). */
export const buildClient = async (outDir?: string): Promise<void> => {
  // Vite builds for NODE_ENV as it finds it, and vitest sets `test`: that would make a development
  // bundle (import.meta.env.DEV true, talking to port 2567). The served client is the production one.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: `${ROOT}/vite.config.ts`,
      mode: 'production',
      logLevel: 'warn',
      ...(outDir ? { build: { outDir, emptyOutDir: true } } : {}),
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
};

/** Builds dist/client when any client source is newer than it (as `npm start` does). */
export const ensureClientBuilt = async (): Promise<void> => {
  if (clientIsStale()) await buildClient();
};

// What every browser test file uses: its own in-process server on a free port, the run's Chromium
// (test/e2e/globalSetup.ts), a fresh context per player, and a watch on every page that fails the
// test on a console error, an uncaught exception, a Content-Security-Policy violation or a dialog.
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { testPort, useTestServer } from '../server/helpers.js';
import { PATIENCE_MS } from './flows.js';

export interface E2E {
  /** An absolute URL on this file's server. */
  url(path: string): string;
  /** A new player: a fresh browser context (its own storage) with one watched page at `path`. */
  open(path: string, who: string): Promise<Page>;
  /** Takes the problems seen so far, for a test that provokes one on purpose. */
  takeProblems(): string[];
  browser(): Browser;
}

// Playwright sees the page's securitypolicyviolation events through this binding. Two libraries
// probe once whether eval works (msgpackr in colyseus.js, and zod) and take their eval-free path
// when the policy refuses: those refusals are expected, every other violation is a failure.
const CSP_WATCH = `document.addEventListener('securitypolicyviolation', (e) => {
  if (e.blockedURI === 'eval' && e.sourceFile.startsWith(location.origin + '/assets/')) return;
  window.__cspViolation(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline code') + ' at ' + e.sourceFile + ':' + e.lineNumber);
});`;

export const useE2E = (): E2E => {
  useTestServer();
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  let problems: string[] = [];

  beforeAll(async () => {
    browser = await chromium.connect(inject('chromiumEndpoint'));
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const seen = problems;
    problems = [];
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    expect(seen, 'console errors, page errors, CSP violations or dialogs').toEqual([]);
  });

  const watch = async (context: BrowserContext, who: string): Promise<Page> => {
    const report = (what: string) => problems.push(`${who}: ${what}`);
    await context.exposeBinding('__cspViolation', (_source, text: string) => report(`CSP violation: ${text}`));
    await context.addInitScript({ content: CSP_WATCH });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') report(`console error: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => report(`uncaught: ${error.message}`));
    // The console says only "Failed to load resource"; this names the address.
    page.on('response', (response) => {
      if (response.status() >= 400) report(`HTTP ${response.status()} for ${response.url()}`);
    });
    page.on('dialog', (dialog) => {
      report(`${dialog.type()} dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    return page;
  };

  const e2e: E2E = {
    url: (path) => `http://localhost:${testPort()}${path}`,
    open: async (path, who) => {
      if (!browser) throw new Error('the browser is not connected yet');
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      // Every Playwright wait, click and navigation of the page gets the same bound (its default is 30 s).
      context.setDefaultTimeout(PATIENCE_MS);
      context.setDefaultNavigationTimeout(PATIENCE_MS);
      contexts.push(context);
      const page = await watch(context, who);
      await page.goto(e2e.url(path));
      return page;
    },
    takeProblems: () => problems.splice(0),
    browser: () => {
      if (!browser) throw new Error('the browser is not connected yet');
      return browser;
    },
  };
  return e2e;
};

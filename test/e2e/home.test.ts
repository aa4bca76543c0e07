// The home page as a browser gets it: both scenarios to pick from, under a policy that lets no
// inline script run.
import { expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, scenarioCatalogue } from '../../server/web/routes.js';
import { eventually } from './flows.js';
import { useE2E } from './harness.js';

const e2e = useE2E();

it('the home page loads without errors and offers both scenarios with their summaries', async () => {
  const page = await e2e.open('/', 'visitor');
  await page.getByRole('heading', { name: 'Guarantor', level: 1 }).waitFor();
  const picker = page.getByRole('radiogroup', { name: 'Scenario' });
  await picker.getByRole('radio').first().waitFor();
  const catalogue = scenarioCatalogue();
  expect(catalogue.map((s) => s.id)).toEqual(['classroom', 'baltic']);
  expect(await picker.getByRole('radio').count()).toBe(catalogue.length);
  for (const scenario of catalogue) {
    const radio = picker.getByRole('radio', { name: new RegExp(`^${scenario.title.replace(/[()]/g, '\\$&')}`) });
    expect(await radio.count(), scenario.title).toBe(1);
    expect(await picker.getByText(scenario.summary, { exact: true }).isVisible(), scenario.id).toBe(true);
  }
  // The first scenario is picked, so "Create match" works without touching the picker.
  expect(await picker.getByRole('radio').first().isChecked()).toBe(true);
  expect(await page.getByRole('form', { name: 'Join a match' }).getByRole('button', { name: 'Join' }).isVisible()).toBe(
    true,
  );
});

it('the page is served under the strict policy, carries no inline script, and the browser enforces it', async () => {
  const res = await fetch(e2e.url('/'));
  expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
  expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval/);
  const html = await res.text();
  expect(html).toMatch(/<script type="module"[^>]* src="\/assets\/index-[\w-]+\.js"><\/script>/);

  const page = await e2e.open('/', 'visitor');
  await page.getByRole('heading', { name: 'Guarantor', level: 1 }).waitFor();
  expect(await page.locator('script:not([src])').count()).toBe(0);
  const sources = await page
    .locator('script[src]')
    .evaluateAll((scripts) => scripts.map((s) => String(s.getAttribute('src'))));
  expect(sources.length).toBeGreaterThan(0);
  for (const src of sources) expect(new URL(src, e2e.url('/')).origin).toBe(new URL(e2e.url('/')).origin);

  // An inline script slipped into the page (as an injection would be) does not run, and is reported.
  const ran = await page.evaluate(`(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    document.head.append(script);
    return window.inlineRan === true;
  })()`);
  expect(ran).toBe(false);
  let problems: string[] = [];
  await eventually(async () => {
    problems = [...problems, ...e2e.takeProblems()];
    return problems.some((p) => p.includes('CSP violation: script-src'));
  }, 'the securitypolicyviolation report');
  for (const p of problems) expect(p).toMatch(/CSP violation: script-src|Content Security Policy/);
});

// docs/SCENARIOS.md must stay usable: its example scenario loads, and the shipped scenarios it
// describes exist with the sources it quotes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCENARIOS, loadScenario } from '../../shared/index.js';

const doc = readFileSync(new URL('../../docs/SCENARIOS.md', import.meta.url), 'utf8');

/** Whitespace and quote marks vary with line wrapping and typography; the words must not. */
const normalize = (s: string): string =>
  s
    .replace(/\s+/g, ' ')
    .replace(/["'\u2018\u2019\u201c\u201d]/g, '"')
    .trim();

describe('docs/SCENARIOS.md', () => {
  it('has an example scenario that passes the schema', () => {
    const section = doc.split(/^## An example$/m)[1] ?? '';
    const block = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
    expect(block, 'a ```json block under "## An example"').toBeDefined();
    const loaded = loadScenario(JSON.parse(block ?? 'null'));
    expect(loaded.ok ? 'ok' : loaded.error.message).toBe('ok');
  });

  it('describes each shipped scenario by id', () => {
    for (const id of Object.keys(SCENARIOS)) expect(doc).toContain(`(\`${id}\`)`);
  });

  it('quotes every source of the Baltic scenario', () => {
    const text = normalize(doc);
    const missing = (SCENARIOS.baltic?.sources ?? []).filter((s) => !text.includes(normalize(s)));
    expect(missing).toEqual([]);
  });
});

// The import boundary: shared/ may import only zod and other shared/ files, and has no clock,
// no Math.random and no Node or browser globals. Checked with the project's own ESLint config.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

const messagesFor = async (code: string, filePath: string): Promise<string[]> => {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.message);
};

describe('shared/ stays pure', () => {
  it.each([
    ["import fs from 'node:fs';\nexport const x = fs;\n", /shared\/ is pure/],
    ["import { Room } from '@colyseus/core';\nexport const x = Room;\n", /shared\/ is pure/],
    ["import { x as y } from '../../server/index.js';\nexport const x = y;\n", /must not import from server/],
    ['export const x = Math.random();\n', /seeded generator/],
    ['export const x = Date.now();\n', /Time is an input/],
  ])('refuses %j', async (code, expected) => {
    const messages = await messagesFor(code, 'shared/rules/probe.ts');
    expect(messages.some((m) => expected.test(m))).toBe(true);
  });

  it('allows zod and relative shared imports', async () => {
    const code = "import { z } from 'zod';\nimport { RngCursor } from '../rng.js';\nexport const x = [z, RngCursor];\n";
    expect(await messagesFor(code, 'shared/rules/probe.ts')).toEqual([]);
  });

  it('does not restrict the server', async () => {
    expect(await messagesFor("import fs from 'node:fs';\nexport const x = fs;\n", 'server/probe.ts')).toEqual([]);
  });
});

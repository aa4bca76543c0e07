// The import boundaries: shared/ may import only zod and other shared/ files, and has no clock,
// no Math.random and no Node or browser globals; shared/model imports no rules; client/ and server/
// never import each other. Checked with the project's own ESLint config.
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

describe('the layers stay apart', () => {
  it.each([
    [
      "import { x as y } from '../../server/settings.js';\nexport const x = y;\n",
      'client/view/probe.ts',
      /over the wire only/,
    ],
    [
      "import { x as y } from '../../client/app.js';\nexport const x = y;\n",
      'server/rooms/probe.ts',
      /must not import from client/,
    ],
    [
      "import { x as y } from '../rules/engine.js';\nexport const x = y;\n",
      'shared/model/probe.ts',
      /imports no rules/,
    ],
    ["import fs from 'node:fs';\nexport const x = fs;\n", 'shared/model/probe.ts', /shared\/ is pure/],
  ])('refuses %j in %s', async (code, file, expected) => {
    const messages = await messagesFor(code, file);
    expect(messages.some((m) => expected.test(m))).toBe(true);
  });

  it('lets client/ and server/ import shared/, and the rules import the model', async () => {
    const shared = "import { x as y } from '../../shared/index.js';\nexport const x = y;\n";
    expect(await messagesFor(shared, 'client/view/probe.ts')).toEqual([]);
    expect(await messagesFor(shared, 'server/rooms/probe.ts')).toEqual([]);
    const model = "import { x as y } from '../model/state.js';\nexport const x = y;\n";
    expect(await messagesFor(model, 'shared/rules/probe.ts')).toEqual([]);
  });
});

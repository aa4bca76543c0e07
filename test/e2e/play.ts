// What a seat does on the game screen, with the mouse or with the keyboard alone, read from what the
// screen says its task is ("Your task"), and the White Cell pushing phases on from its console.
import type { Page } from 'playwright-core';
import { type Hands, eventually, press, textNow } from './flows.js';

/** The game screen's heading: "Turn 1 of 10 — Briefing". */
export const phaseTitle = (page: Page): Promise<string> => textNow(page.getByRole('heading', { level: 1 }));

/** What "Your task" says now. */
export const taskText = (page: Page): Promise<string> => textNow(page.locator('#task-text'));

/**
 * Does what the seat's task asks, if anything: say ready, submit the budget as proposed, or answer
 * every crisis card with its first choice. Resolves once the task has changed (the server took it),
 * with the task it did, or null when there was nothing to do.
 */
export const doTask = async (page: Page, hands: Hands): Promise<string | null> => {
  const task = await taskText(page);
  if (/say you are ready/.test(task)) {
    await press(page, page.getByRole('region', { name: 'Your task' }).getByRole('button', { name: /^Ready/ }), hands);
  } else if (/Split your budget/.test(task)) {
    await press(page, page.getByRole('button', { name: 'Submit allocation' }), hands);
  } else if (/answer the crisis/.test(task)) {
    const decisions = page.getByRole('region', { name: 'Crisis: your decision' });
    const form = decisions.locator('form').first();
    await press(page, form.getByRole('radio').first(), hands);
    await press(page, form.getByRole('button', { name: /^Send my answer/ }), hands);
  } else {
    return null;
  }
  await eventually(async () => (await taskText(page)) !== task, `the task after "${task}" on ${page.url()}`);
  return task;
};

/** The White Cell's console advances (confirming when seats still owe) until the match ends. */
export const advanceToTheEnd = async (white: Page): Promise<number> => {
  const advance = white.getByRole('button', { name: /^(Advance to|Start turn|End the match|Publish)/ });
  const confirm = white.getByRole('dialog', { name: /^Advance (while|before)/ });
  const debrief = white.locator('#debrief-title');
  const labelOf = () => textNow(advance);
  let steps = 0;
  while (!(await debrief.isVisible())) {
    if (steps++ > 120) throw new Error('the match did not end after 120 advances');
    await advance.waitFor();
    const label = await labelOf();
    // Enter on the focused button, not a click: the same activation, without waiting for the page's
    // animations to settle before each of some forty steps.
    await advance.press('Enter');
    if (await confirm.isVisible()) await confirm.getByRole('button', { name: 'Advance anyway' }).press('Enter');
    await eventually(
      async () => (await debrief.isVisible()) || (await labelOf()) !== label,
      `the White Cell's advance from "${label}"`,
    );
  }
  return steps;
};

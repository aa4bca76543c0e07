// The client and the engine cannot disagree: what a form offers is what the engine accepts, the
// limits it shows are the schemas', and what a crisis card prices is what adjudication charges.
import { describe, expect, it } from 'vitest';
import { allocationFields } from '../../client/view/budgetPlan.js';
import { answerId, guarantorCards } from '../../client/view/crisisCards.js';
import { EFFECT_SPECS, customInjectCommand, extendCommand, overrideCommand } from '../../client/view/facilitator.js';
import { chatChannels, privateTargets } from '../../client/view/panels.js';
import type { Allocation } from '../../shared/model/commands.js';
import type { GameState } from '../../shared/model/state.js';
import { chatRecipients } from '../../shared/protocol/chat.js';
import { CommandSchema } from '../../shared/protocol/commands.js';
import { FORM_LIMITS } from '../../shared/protocol/limits.js';
import { CHAT_CHANNELS, type ChatChannel, ChatSchema } from '../../shared/protocol/roomMessages.js';
import { applyCommand } from '../../shared/rules/engine.js';
import { SCENARIOS } from '../../shared/scenarios/index.js';
import { viewFor } from '../../shared/view/viewFor.js';
import { advance, startMatch } from '../../shared/index.js';
import {
  adjudicated,
  apply,
  chargedTerms,
  choiceFor,
  crisisStates,
  guarantorTurns,
  honorCharged,
} from '../shared/rules/crisisStates.js';
import { must } from './fixtures.js';

const allocationPhase = (scenarioId: string): GameState => {
  const scenario = SCENARIOS[scenarioId];
  if (!scenario) throw new Error(`no scenario ${scenarioId}`);
  let state = must(startMatch(scenario, 3)).state;
  while (state.phase !== 'allocation') state = must(advance(state, { timedOut: true })).state;
  return state;
};

const nothing: Allocation = {
  readiness: 0,
  modernization: 0,
  extendedDeterrence: 0,
  forwardPosture: {},
  foreignAid: {},
  domestic: 0,
};

describe.each(['classroom', 'baltic'])('the allocation form in %s', (scenarioId) => {
  const state = allocationPhase(scenarioId);
  const accepts = (seat: string, allocation: Partial<Allocation>): boolean =>
    applyCommand(state, seat, { type: 'allocate', allocation: { ...nothing, ...allocation } }).ok;
  /** The engine takes money on `line` for `id` and keeps it (a key the schema drops is not taken). */
  const takes = (seat: string, line: 'foreignAid' | 'forwardPosture', id: string): boolean => {
    const r = applyCommand(state, seat, { type: 'allocate', allocation: { ...nothing, [line]: { [id]: 1 } } });
    return r.ok && Object.hasOwn(r.value.state.allocations[seat]?.[line] ?? {}, id);
  };
  const seats = state.seats.filter((s) => s.nation !== null);
  // Ids a client could send: every nation and region, and keys that must never pass for one.
  const candidates = [...Object.keys(state.nations), ...Object.keys(state.regions), 'nowhere', '__proto__'];

  it.each(seats.map((s) => s.id))('offers %s aid to exactly the nations the engine accepts', (seat) => {
    const offered = allocationFields(viewFor(state, seat), seat)
      .filter((f) => f.key.startsWith('foreignAid.'))
      .map((f) => f.key.slice('foreignAid.'.length));
    expect(offered).toEqual(candidates.filter((id) => takes(seat, 'foreignAid', id)));
  });

  it.each(seats.map((s) => s.id))(
    'offers %s forward posture and an umbrella only where the engine takes them',
    (seat) => {
      const fields = allocationFields(viewFor(state, seat), seat).map((f) => f.key);
      const home = state.nations[state.seats.find((s) => s.id === seat)?.nation ?? '']?.region;
      const regions = fields
        .filter((k) => k.startsWith('forwardPosture.'))
        .map((k) => k.slice('forwardPosture.'.length));
      // Home is accepted but adds nothing (docs/RULES.md 3.5): every other region the engine takes is offered.
      expect(regions).toEqual(candidates.filter((id) => id !== home && takes(seat, 'forwardPosture', id)));
      expect(fields.includes('extendedDeterrence')).toBe(accepts(seat, { extendedDeterrence: 1 }));
    },
  );

  it('caps each line at the budget, within what the schema takes for one line', () => {
    for (const seat of seats)
      for (const f of allocationFields(viewFor(state, seat.id), seat.id))
        expect(f.max).toBeLessThanOrEqual(FORM_LIMITS.allocationLine);
  });
});

describe('form limits are the schemas’ limits', () => {
  const text = (n: number) => 'x'.repeat(n);

  it('chat: the longest line the form allows is the longest the room takes', () => {
    expect(ChatSchema.safeParse({ channel: 'public', text: text(FORM_LIMITS.chatText) }).success).toBe(true);
    expect(ChatSchema.safeParse({ channel: 'public', text: text(FORM_LIMITS.chatText + 1) }).success).toBe(false);
  });

  it('statements: the longest words the form allows are the longest the engine takes', () => {
    const statement = (n: number) => ({ type: 'statement', kind: 'red_line', subject: 'g', text: text(n) });
    expect(CommandSchema.safeParse(statement(FORM_LIMITS.statementText)).success).toBe(true);
    expect(CommandSchema.safeParse(statement(FORM_LIMITS.statementText + 1)).success).toBe(false);
  });

  it('extend the timer: the form and the engine take the same seconds', () => {
    const { min, max } = FORM_LIMITS.extendSeconds;
    for (const seconds of [min - 1, min, max, max + 1]) {
      const form = 'command' in extendCommand(String(seconds));
      expect(form, String(seconds)).toBe(CommandSchema.safeParse({ type: 'extend_timer', seconds }).success);
    }
  });

  it('injects: title, text and number of effects end where the schema ends', () => {
    const effect = { kind: 'consensus', target: 'bosk', amount: '1' };
    const ok = (title: string, body: string, n: number) =>
      'command' in
      customInjectCommand(
        title,
        body,
        Array.from({ length: n }, () => effect),
      );
    expect(ok(text(FORM_LIMITS.injectTitle), text(FORM_LIMITS.injectText), FORM_LIMITS.injectEffects)).toBe(true);
    expect(ok(text(FORM_LIMITS.injectTitle + 1), 'x', 1)).toBe(false);
    expect(ok('x', text(FORM_LIMITS.injectText + 1), 1)).toBe(false);
    expect(ok('x', 'x', FORM_LIMITS.injectEffects + 1)).toBe(false);
  });

  it('override: the longest reason the form sends is the longest the engine takes', () => {
    const review = { crises: [], theaters: [], allies: [], notes: [], overrideReason: null };
    const edits = { success: {}, rungs: {}, provocations: [] };
    // An unchanged review is refused for that, not for its length: a reason over the limit is refused first.
    const over = overrideCommand(review, { ...edits, reason: text(FORM_LIMITS.overrideReason + 1) });
    const at = overrideCommand(review, { ...edits, reason: text(FORM_LIMITS.overrideReason) });
    expect('error' in over && over.error).toMatch(/under/);
    expect('error' in at && at.error).toMatch(/Nothing is changed/);
    const command = (n: number) => ({ type: 'override', reason: text(n) });
    expect(CommandSchema.safeParse(command(FORM_LIMITS.overrideReason)).success).toBe(true);
    expect(CommandSchema.safeParse(command(FORM_LIMITS.overrideReason + 1)).success).toBe(false);
  });

  it.each(EFFECT_SPECS.map((s) => [s.kind, s] as const))(
    'inject effect %s: the form’s range is the schema’s, at both ends',
    (_kind, spec) => {
      const target = { nation: 'bosk', region: 'northmarch', guarantee: 'aurelia-bosk' }[spec.target];
      const form = (amount: number) =>
        'command' in customInjectCommand('t', 'x', [{ kind: spec.kind, target, amount: String(amount) }]);
      const schema = (amount: number) =>
        CommandSchema.safeParse({
          type: 'inject_custom',
          title: 't',
          text: 'x',
          effects: [{ kind: spec.kind, [spec.target]: target, delta: amount * spec.scale }],
        }).success;
      for (const amount of [spec.min, spec.max, spec.min - spec.step, spec.max + spec.step])
        expect(form(amount), String(amount)).toBe(schema(amount));
      expect(form(spec.max)).toBe(true);
    },
  );
});

describe('chat: the form offers what the room delivers', () => {
  const state = allocationPhase('classroom');
  const seatIds = state.seats.map((s) => s.id);

  it.each(seatIds)('%s may write in exactly the channels it is offered, to exactly the seats it is offered', (seat) => {
    const view = viewFor(state, seat);
    const members = seatIds.map((id) => ({ id: `c-${id}`, seat: id }));
    const delivered = (channel: ChatChannel, to?: string) =>
      chatRecipients(members, seat, { channel, to, text: 'hi' }, seatIds).ok;
    const offered = chatChannels(view, seat).map((c) => c.value);
    const toSomeone = seatIds.some((id) => delivered('private', id));
    expect(offered).toEqual(CHAT_CHANNELS.filter((c) => (c === 'private' ? toSomeone : delivered(c))));
    if (offered.includes('private'))
      expect(privateTargets(view, seat).map((t) => t.id)).toEqual(seatIds.filter((id) => delivered('private', id)));
  });
});

describe.each(['classroom', 'baltic'])('crisis cards in %s', (scenarioId) => {
  const states = crisisStates(scenarioId, [1, 2, 3, 4, 5, 6]);

  it('price each answer at what adjudication then charges the guarantor', () => {
    let exact = 0;
    states.forEach((start, s) => {
      let state = start;
      const priced: { guarantor: string; gid: string; honorCost: number; audience: number }[] = [];
      guarantorTurns(start).forEach(({ seat, gid }, i) => {
        const choice = choiceFor(s + i);
        const g = state.guarantees[gid];
        const card = guarantorCards(viewFor(state, seat), seat).find((c) => c.guarantee === gid);
        const option = card?.options.find((o) => answerId(o) === choice);
        if (!g || !option) throw new Error(`no ${choice} on the card for ${gid}`);
        // The card reads the seat's own view: another nation's secret spending reaches a guarantor's
        // budget only through sanctions' trade, so only those crises are compared exactly.
        if (!state.sanctions.some((x) => x.sender === g.guarantor || x.target === g.guarantor))
          priced.push({
            guarantor: g.guarantor,
            gid,
            honorCost: option.honorCost,
            audience: option.audienceCost.value,
          });
        state = apply(state, seat, { type: 'answer_guarantee', guarantee: gid, choice });
      });
      const done = adjudicated(state);
      for (const p of priced) {
        expect(honorCharged(done, p.guarantor, p.gid), p.gid).toBe(p.honorCost);
        const audience = chargedTerms(done, p.guarantor, 'consensus').filter((t) => t.value === -p.audience);
        if (p.audience > 0) expect(audience.length, p.gid).toBeGreaterThan(0);
        exact++;
      }
    });
    expect(exact).toBeGreaterThanOrEqual(3);
  });
});

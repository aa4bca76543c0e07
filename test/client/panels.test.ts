// The game screen's selectors on real views: what a seat is told to do, whom the phase waits for,
// the allocation form and its preview, the crisis cards and statements, the log and the tables.
import { describe, expect, it } from 'vitest';
import {
  allocationFields,
  allocationPresets,
  allocationProjection,
  balanceWithDomestic,
  fieldValue,
  sliderStep,
  roundedAllocation,
  startingAllocation,
  withField,
} from '../../client/view/budgetPlan.js';
import { ANSWER_HELP, allyCard, guarantorCards, movePreview, moveChoices } from '../../client/view/crisisCards.js';
import { mapTables } from '../../client/view/mapTable.js';
import {
  chatChannels,
  chatHeading,
  countdown,
  fmt,
  privateTargets,
  seatSummary,
  seatTask,
  waitingFor,
} from '../../client/view/panels.js';
import { listText } from '../../client/view/matchText.js';
import { statementLines, statementOptions, statementPreview } from '../../client/view/statements.js';
import { eventText, liveEntries, namesIn, turnRecord } from '../../client/view/turnRecord.js';
import {
  type GameState,
  advance,
  allocationTotal,
  applyCommand,
  budget,
  credibility,
  owedBy,
  viewFor,
} from '../../shared/index.js';
import type { Allocation } from '../../shared/model/commands.js';
import { classroomAt, must, withAureliaAllocation } from './fixtures.js';

const step = (state: GameState, seat: string, command: unknown): GameState =>
  must(applyCommand(state, seat, command)).state;

/** The classroom in responses: Varkal's limited attack on Bosk invokes Aurelia's treaty. */
const attackOnBosk = (): GameState => {
  const state = step(classroomAt('challenger_move'), 'varkal', {
    type: 'move',
    move: { type: 'limited_attack', target: 'bosk' },
  });
  const next = advance(state);
  if (!next.ok) throw new Error(next.error.message);
  return next.value.state;
};

describe('seat, task and waiting', () => {
  it('tells each seat what it owes, from the engine', () => {
    const state = classroomAt('allocation');
    expect(seatTask(viewFor(state, 'aurelia'), 'aurelia').task).toBe('allocate');
    const after = withAureliaAllocation();
    expect(seatTask(viewFor(after, 'aurelia'), 'aurelia').task).toBe('wait');
    expect(seatTask(viewFor(after, 'observer'), 'observer').task).toBe('watch');
    const diplomacy = viewFor(classroomAt('diplomacy'), 'bosk');
    expect(seatTask(diplomacy, 'bosk')).toMatchObject({ task: 'statements', canReady: true });
    const crisis = attackOnBosk();
    expect(seatTask(viewFor(crisis, 'aurelia'), 'aurelia').task).toBe('answer');
    expect(seatTask(viewFor(crisis, 'bosk'), 'bosk').task).toBe('answer');
    expect(seatTask(viewFor(crisis, 'varkal'), 'varkal').task).toBe('wait');
  });

  it('names whom the phase waits for and who is done', () => {
    const state = withAureliaAllocation();
    // The room's seat rows say who owes (from owedBy on the whole state): Bosk's view cannot know.
    const rows = state.seats.map((s) => ({ id: s.id, owes: owedBy(state).includes(s.id) }));
    const w = waitingFor(viewFor(state, 'bosk'), rows);
    expect(w.done).toEqual(['Aurelia']);
    expect(w.owed).toEqual(['Bosk', 'Corvin', 'Dunmere', 'Varkal']);
    expect(w.text).toBe('Waiting for Bosk, Corvin, Dunmere and Varkal.');
    expect(listText(['A'])).toBe('A');
    expect(listText(['A', 'B'])).toBe('A and B');
  });

  it('labels the seat and its civil disorder', () => {
    const state = classroomAt('allocation');
    expect(seatSummary(viewFor(state, 'aurelia'), 'aurelia')).toMatchObject({
      label: 'Aurelia (guarantor)',
      civilDisorder: false,
    });
    const disorder = { ...state, missed: { bosk: 2 } };
    expect(seatSummary(viewFor(disorder, 'bosk'), 'bosk').civilDisorder).toBe(true);
    expect(seatSummary(viewFor(state, 'facilitator'), 'facilitator').label).toBe('White Cell');
  });

  it('formats numbers for people, with a real minus sign', () => {
    expect(fmt(1600.4)).toBe('1,600');
    expect(fmt(-333)).toBe('−333');
    expect(fmt(12.345)).toBe('12.3');
    expect(fmt(-0.001)).toBe('0');
  });

  it('shows the countdown, paused and no timer', () => {
    const view = viewFor(classroomAt('allocation'), 'aurelia');
    expect(countdown(view, 125).text).toBe('2:05');
    expect(countdown(view, 10).urgent).toBe(true);
    expect(countdown(view, null).text).toBe('No timer');
    expect(countdown({ ...view, settings: { ...view.settings, paused: true } }, 30).text).toBe('Paused');
  });

  it('offers private chat to every other seat and the White Cell, and heads lines with names', () => {
    const view = viewFor(classroomAt('diplomacy'), 'bosk');
    expect(privateTargets(view, 'bosk').map((t) => t.name)).toEqual([
      'Aurelia',
      'Corvin',
      'Dunmere',
      'Varkal',
      'White Cell',
    ]);
    expect(chatHeading(view, { from: 'aurelia', name: 'Ann', channel: 'private', to: 'varkal' })).toBe(
      'Ann (Aurelia) to Varkal · private',
    );
    expect(chatHeading(view, { from: 'bosk', name: 'Bo', channel: 'public' })).toBe('Bo (Bosk)');
    // Each channel says whom it reaches: the White Cell reads team and private lines too.
    expect(chatChannels(view, 'bosk').map((c) => c.label)).toEqual([
      'Public: everyone',
      'Team: everyone playing Bosk, and the White Cell',
      'Private: one seat, and the White Cell',
    ]);
    expect(chatChannels(view, 'facilitator').map((c) => c.value)).toEqual(['public', 'team', 'private', 'broadcast']);
  });
});

describe('allocation form', () => {
  const view = viewFor(classroomAt('allocation'), 'aurelia');
  const aurelia = view.nations['aurelia'];
  if (!aurelia) throw new Error('no aurelia');
  const total = budget(aurelia, 1).value;

  it("offers the seat's lines: the umbrella to a nuclear guarantor, forward posture abroad, aid to any other nation", () => {
    const keys = allocationFields(view, 'aurelia').map((f) => f.key);
    expect(keys).toContain('extendedDeterrence');
    expect(keys).toContain('forwardPosture.northmarch');
    expect(keys).not.toContain('forwardPosture.west');
    // Aid goes to any other nation (docs/RULES.md 3.2); only along a guarantee does it also build ties.
    const aid = allocationFields(view, 'aurelia').filter((f) => f.key.startsWith('foreignAid.'));
    expect(aid.map((f) => f.key)).toEqual([
      'foreignAid.bosk',
      'foreignAid.corvin',
      'foreignAid.dunmere',
      'foreignAid.varkal',
    ]);
    expect(aid.find((f) => f.key === 'foreignAid.bosk')?.hint).toMatch(/ties of your guarantee/);
    expect(aid.find((f) => f.key === 'foreignAid.varkal')?.hint).not.toMatch(/ties/);
    const bosk = allocationFields(viewFor(classroomAt('allocation'), 'bosk'), 'bosk').map((f) => f.key);
    expect(bosk).not.toContain('extendedDeterrence');
    expect(bosk).toContain('foreignAid.aurelia');
    expect(bosk).not.toContain('foreignAid.bosk');
    for (const f of allocationFields(view, 'aurelia')) expect(f.max).toBeCloseTo(total, 9);
    expect(sliderStep(1600)).toBe(1);
    expect(sliderStep(60)).toBe(0.1);
  });

  it('starts from a plan that fits the budget and edits one line at a time', () => {
    const start = startingAllocation(view, 'aurelia');
    if (!start) throw new Error('no start');
    expect(allocationTotal(start)).toBeLessThanOrEqual(total + 1e-6);
    const forward = withField(start, 'forwardPosture.northmarch', 40);
    expect(fieldValue(forward, 'forwardPosture.northmarch')).toBe(40);
    expect(withField(forward, 'forwardPosture.northmarch', 0).forwardPosture).toEqual({});
    expect(fieldValue(withField(start, 'readiness', -5), 'readiness')).toBe(0);
    const balanced = balanceWithDomestic(view, 'aurelia', forward);
    expect(allocationTotal(balanced)).toBeCloseTo(total, 6);
    expect(allocationPresets(view, 'aurelia').map((p) => p.name)).toEqual(['status quo', 'guns', 'butter', 'forward']);
  });

  it('offers its plans in whole $bn (tenths for a small budget), never over the budget', () => {
    const amounts = (a: Allocation) => allocationFields(view, 'aurelia').map((f) => fieldValue(a, f.key));
    for (const p of allocationPresets(view, 'aurelia')) {
      expect(amounts(p.allocation).every(Number.isInteger), p.name).toBe(true);
      expect(allocationTotal(p.allocation), p.name).toBeLessThanOrEqual(total);
    }
    const forward = allocationPresets(view, 'aurelia').find((p) => p.name === 'forward')?.allocation;
    expect(Object.values(forward?.forwardPosture ?? {}).length).toBeGreaterThan(0);
    // 3 × 33.5 rounds to 102 over a 100.5 budget: the excess comes off domestic spending.
    const line = (v: number, forward = {}): Allocation => ({
      readiness: v,
      modernization: v,
      extendedDeterrence: 0,
      forwardPosture: forward,
      foreignAid: {},
      domestic: 0,
    });
    expect(roundedAllocation({ ...line(33.5), domestic: 33.5 }, 100.5)).toMatchObject({
      readiness: 34,
      modernization: 34,
      domestic: 32,
    });
    // A small budget in tenths; without domestic spending the largest line gives way.
    const small = roundedAllocation(line(1.26, { west: 1.26 }), 3.78);
    expect(small).toMatchObject({ readiness: 1.2, modernization: 1.2, forwardPosture: { west: 1.3 } });
    expect(allocationTotal(small)).toBeLessThanOrEqual(3.78);
  });

  it('shows readiness as a percentage, as the map and its tables do', () => {
    const start = startingAllocation(view, 'aurelia');
    if (!start) throw new Error('no start');
    const readiness = allocationProjection(view, 'aurelia', start)?.meters.find((m) => m.label === 'Readiness (%)');
    expect(readiness?.before).toBeCloseTo((view.nations['aurelia']?.readiness ?? 0) * 100, 9);
  });

  it("previews forward posture as ordered (in place next turn), with the engine's numbers", () => {
    const start = startingAllocation(view, 'aurelia');
    if (!start) throw new Error('no start');
    const base = allocationProjection(view, 'aurelia', start);
    const forward = allocationProjection(
      view,
      'aurelia',
      withField(withField(start, 'domestic', start.domestic - 100), 'forwardPosture.northmarch', 100),
    );
    const row = (p: typeof base, label: string) => p?.credibility.find((c) => c.label === label);
    expect(row(base, 'Aurelia → Bosk')?.before).toBeCloseTo(credibility(view, 'aurelia-bosk', 'challenger').value, 9);
    // Forward posture bought now deploys by next turn: this turn's credibility does not count it yet.
    expect(row(forward, 'Aurelia → Bosk')?.after).toBeCloseTo(row(base, 'Aurelia → Bosk')?.after ?? 0, 1);
    expect(allocationFields(view, 'aurelia').find((f) => f.key === 'forwardPosture.northmarch')?.hint).toMatch(
      /next turn/,
    );
    // Less butter, less consensus; the breakdown names the domestic term.
    const consensus = (p: typeof base) => p?.meters.find((m) => m.label === 'Consensus');
    expect(consensus(forward)?.after).toBeLessThan(consensus(base)?.after ?? 0);
    expect(consensus(forward)?.why?.terms.map((t) => t.label)).toContain('domestic spending');
  });

  it('shows an ally the burden its spending puts on its guarantor', () => {
    const boskView = viewFor(classroomAt('allocation'), 'bosk');
    const start = startingAllocation(boskView, 'bosk');
    if (!start) throw new Error('no start');
    const cheap = allocationProjection(boskView, 'bosk', { ...start, readiness: 0, modernization: 0 });
    const generous = allocationProjection(boskView, 'bosk', { ...start, readiness: start.readiness * 3 });
    expect(cheap?.burden[0]?.label).toBe('Burden on Aurelia’s consensus');
    expect(cheap?.burden[0]?.after).toBeGreaterThan(generous?.burden[0]?.after ?? Infinity);
  });
});

describe('crisis cards', () => {
  const state = attackOnBosk();

  it('gives Aurelia one card for the invoked treaty, honor costing budget and abandon costing reputation', () => {
    const cards = guarantorCards(viewFor(state, 'aurelia'), 'aurelia');
    expect(cards.map((c) => c.guarantee)).toEqual(['aurelia-bosk']);
    const card = cards[0];
    if (!card) throw new Error('no card');
    expect(card.crisis).toBe('Varkal launches a limited attack on Bosk');
    // The rung now, and the one the attack would take the theater to.
    expect(card.now).toBe(0);
    expect(card.stakes).toBe(
      'Northern March is at rung 0 (peace) and would go to rung 4 (limited war) once the move lands.',
    );
    const option = (choice: string) => card.options.find((o) => o.choice === choice && o.nuclear === null);
    const [honor, partial, abandon] = [option('honor'), option('partial'), option('abandon')];
    if (!honor || !partial || !abandon) throw new Error('options missing');
    expect(honor.honorCost).toBeGreaterThan(0);
    expect(abandon.honorCost).toBe(0);
    expect(honor.success).toBeLessThan(partial.success);
    expect(partial.success).toBeLessThan(abandon.success);
    const cred = (o: typeof honor) => o.credibility.find((c) => c.label === 'Aurelia → Bosk')?.after ?? 0;
    expect(cred(honor)).toBeGreaterThan(cred(abandon));
    const hedge = (o: typeof honor) => o.hedging.find((h) => h.label === 'Bosk')?.after ?? 0;
    expect(hedge(abandon)).toBeGreaterThan(hedge(honor));
    expect(card.answered).toBeNull();
    const answered = step(state, 'aurelia', { type: 'answer_guarantee', guarantee: 'aurelia-bosk', choice: 'honor' });
    expect(guarantorCards(viewFor(answered, 'aurelia'), 'aurelia')[0]?.answered).toEqual({
      choice: 'honor',
      nuclear: null,
    });
  });

  it('charges an audience cost for backing down from a red line', () => {
    const committed = {
      ...state,
      guarantees: {
        ...state.guarantees,
        'aurelia-bosk': { ...(state.guarantees['aurelia-bosk'] as GameState['guarantees'][string]), commitment: 1 },
      },
    };
    const options = (guarantorCards(viewFor(committed, 'aurelia'), 'aurelia')[0]?.options ?? []).filter(
      (o) => o.nuclear === null,
    );
    expect(options.map((o) => o.audienceCost.value > 0)).toEqual([false, true, true]);
    expect(options[2]?.audienceCost.value).toBeGreaterThan(options[1]?.audienceCost.value ?? Infinity);
  });

  it("shows Bosk the odds of Varkal's attack for each answer, and no card to a seat that owes none", () => {
    const card = allyCard(viewFor(state, 'bosk'), 'bosk');
    const odds = card?.crises[0]?.odds;
    if (!odds) throw new Error('no odds');
    expect(odds.accommodate.honor).toBeGreaterThan(odds.contribute.honor);
    expect(odds.contribute.abandon).toBeGreaterThan(odds.contribute.honor);
    expect(card?.guarantors).toEqual(['Aurelia']);
    expect(allyCard(viewFor(state, 'varkal'), 'varkal')).toBeNull();
    expect(guarantorCards(viewFor(state, 'bosk'), 'bosk')).toEqual([]);
    expect(ANSWER_HELP.honor).toBeTruthy();
  });

  it('heads the attacked ally’s card with the attack on it, and asks another ally to help', () => {
    const bosk = allyCard(viewFor(state, 'bosk'), 'bosk');
    expect(bosk).toMatchObject({ attacked: true, title: 'Varkal launches a limited attack on you' });
    expect(bosk?.intro).toMatch(/^Aurelia is asked to defend you\./);
    expect(bosk?.answers.contribute.name).toBe('Stand and fight');
    expect(bosk?.answers.contribute.help).not.toMatch(/Send your forces/);
    const corvin = allyCard(viewFor(state, 'corvin'), 'corvin');
    expect(corvin).toMatchObject({ attacked: false, title: 'Aurelia faces a crisis: will you help?' });
    expect(corvin?.intro).toMatch(/^Aurelia is asked to defend Bosk\./);
    expect(corvin?.answers.contribute).toEqual({
      name: 'Contribute',
      help: 'Send your forces to the defense. Costs a little consensus.',
    });
  });

  it("lists the challenger's legal moves and previews what a move would invoke", () => {
    const view = viewFor(classroomAt('challenger_move'), 'varkal');
    const choices = moveChoices(view, 'varkal');
    expect(choices.map((c) => c.type)).toEqual([
      'hold',
      'probe',
      'coerce',
      'limited_attack',
      'major_attack',
      'escalate',
      'nuclear_signal',
    ]);
    expect(choices.find((c) => c.type === 'probe')?.targets).toEqual(['aurelia', 'bosk', 'corvin', 'dunmere']);
    const attack = movePreview(view, 'varkal', { type: 'limited_attack', target: 'bosk' });
    expect(attack?.invoked.map((g) => g.id)).toEqual(['aurelia-bosk']);
    expect(attack?.rung).toBe(4);
    expect(attack?.successIfHonored).toBeLessThan(attack?.successAlone ?? 0);
    expect(attack?.expectedValue?.terms.length).toBeGreaterThan(0);
    const probeDunmere = movePreview(view, 'varkal', { type: 'probe', target: 'dunmere' });
    expect(probeDunmere?.invoked).toEqual([]);
    expect(movePreview(view, 'varkal', { type: 'hold', target: null })?.successAlone).toBeNull();
    // Nuclear threats have odds (as coercion) but no expected value: the challenger's calculus leaves them out.
    const threat = movePreview(view, 'varkal', { type: 'escalate', target: 'bosk' });
    expect(threat?.successAlone).toBeGreaterThan(0);
    expect(threat?.expectedValue).toBeNull();
  });
});

describe('statements', () => {
  it("offers Aurelia red lines on its own guarantees and previews the red line's credibility", () => {
    const view = viewFor(classroomAt('diplomacy'), 'aurelia');
    const options = statementOptions(view, 'aurelia');
    expect(options.map((o) => o.label)).toContain('Red line on Aurelia → Bosk');
    // An ally makes no statement about guarantees: it may offer exit ramps and sanction the challenger.
    expect(
      statementOptions(viewFor(classroomAt('diplomacy'), 'bosk'), 'bosk').every(
        (o) => o.kind === 'exit_ramp' || o.kind === 'sanction',
      ),
    ).toBe(true);
    const preview = statementPreview(view, 'aurelia', {
      type: 'statement',
      kind: 'red_line',
      subject: 'aurelia-bosk',
      text: '',
    });
    expect(preview.refused).toBeNull();
    const cred = preview.rows.find((r) => r.label === 'Credibility to the challenger');
    expect(cred?.after).toBeGreaterThan(cred?.before ?? 100);
    expect(preview.rows.find((r) => r.label.startsWith('Public commitment'))?.after).toBe(0.5);
    const refused = statementPreview(view, 'aurelia', {
      type: 'statement',
      kind: 'red_line',
      subject: 'nope',
      text: '',
    });
    expect(refused.refused).toMatch(/not a guarantee/);
  });

  it('lists the statements made this turn in the words of the turn log', () => {
    const said = step(classroomAt('diplomacy'), 'aurelia', {
      type: 'statement',
      kind: 'red_line',
      subject: 'aurelia-bosk',
      text: 'Not one step',
    });
    expect(statementLines(viewFor(said, 'bosk'))).toEqual(['Aurelia: red line on Aurelia → Bosk — “Not one step”']);
  });
});

describe('turn log and tables', () => {
  it('records the crisis this turn and, after adjudication, every change with its why', () => {
    const state = attackOnBosk();
    const now = turnRecord(viewFor(state, 'bosk'));
    expect(now[0]?.groups.find((g) => g.title === 'Crises')?.entries[0]?.text).toBe(
      'Varkal launches a limited attack on Bosk: invokes Aurelia → Bosk',
    );
    let s = step(state, 'aurelia', { type: 'answer_guarantee', guarantee: 'aurelia-bosk', choice: 'honor' });
    const adjudicated = advance(s, { timedOut: true });
    if (!adjudicated.ok) throw new Error(adjudicated.error.message);
    s = adjudicated.value.state;
    const math = turnRecord(viewFor({ ...s, settings: { ...s.settings, showMath: true } }, 'bosk'));
    const report = math.find((x) => x.title === 'Turn 1 results');
    const boskGroup = report?.groups.find((g) => g.title === 'Bosk');
    const consensus = boskGroup?.entries.find((e) => e.text.startsWith('consensus'));
    expect(consensus?.text).toMatch(/^consensus \d+(\.\d+)? → \d+(\.\d+)? \([+−]/);
    expect(consensus?.why?.terms[0]?.label).toBe('before');
    expect(consensus?.why?.hidden).toBe(false);
    const hidden = turnRecord(viewFor({ ...s, settings: { ...s.settings, showMath: false } }, 'bosk'));
    const hiddenEntry = hidden
      .find((x) => x.title === 'Turn 1 results')
      ?.groups.find((g) => g.title === 'Bosk')
      ?.entries.find((e) => e.text.startsWith('consensus'));
    expect(hiddenEntry?.why?.hidden).toBe(true);
    expect(math.find((x) => x.title === 'Decisions on record')?.groups[0]?.entries[0]?.text).toBe(
      'Turn 1: Aurelia honored its guarantee to Bosk against Varkal (Northern March)',
    );
  });

  it('keeps live events the view does not hold, newest first', () => {
    const view = viewFor(classroomAt('diplomacy'), 'bosk');
    const entries = liveEntries(view, [
      { kind: 'phase_changed', turn: 1, visibleTo: 'all', text: 'Turn 1: diplomacy' },
      { kind: 'statement', turn: 1, visibleTo: 'all', text: 'aurelia: red line on aurelia-bosk' },
      { kind: 'settings_changed', turn: 1, visibleTo: 'all', text: 'Show the math: on' },
    ]);
    expect(entries.map((e) => e.text)).toEqual(['Turn 1: Show the math: on', 'Turn 1: diplomacy']);
    expect(
      eventText(view, {
        kind: 'statement',
        turn: 1,
        visibleTo: 'all',
        text: 'aurelia: red line on aurelia-bosk',
        data: { statement: { seat: 'aurelia', kind: 'red_line', subject: 'aurelia-bosk', text: 'Not one step' } },
      }),
    ).toBe('Aurelia: red line on Aurelia → Bosk — “Not one step”');
    expect(eventText(view, { kind: 'command_accepted', turn: 1, visibleTo: ['bosk'], text: 'bosk is ready' })).toBe(
      'Bosk is ready',
    );
    expect(namesIn(view, 'major attack on bosk — invokes aurelia-bosk; boskovia stays')).toBe(
      'major attack on Bosk — invokes Aurelia → Bosk; boskovia stays',
    );
  });

  it('tabulates nations, guarantees and theaters as the map shows them', () => {
    const view = viewFor(classroomAt('allocation'), 'bosk');
    const t = mapTables(view);
    expect(t.nations.find((n) => n.id === 'aurelia')).toMatchObject({
      role: 'guarantor',
      forward: 'Northern March 8 FP',
      capability: '1,600 FP',
      readiness: '75%',
    });
    // Capability rounds to whole force points, as the map's chips show it (Corvin's 7.5 is 8 FP).
    expect(t.nations.find((n) => n.id === 'corvin')?.capability).toBe('8 FP');
    expect(t.guarantees.map((g) => g.name)).toEqual(['Aurelia → Bosk', 'Aurelia → Corvin', 'Aurelia → Dunmere']);
    expect(Number(t.guarantees[0]?.toChallenger)).toBeCloseTo(credibility(view, 'aurelia-bosk', 'challenger').value, 0);
    expect(t.theaters.map((r) => r.name)).toContain('Northern March');
  });
});

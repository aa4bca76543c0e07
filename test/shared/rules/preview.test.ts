// A previewed answer is what adjudication then charges: run on the whole state, previewAnswer
// (the crisis cards' source) must give the honor bill, the audience cost and the odds adjudication
// computes, in real crises of both scenarios, whatever the others answered before.
import { describe, expect, it } from 'vitest';
import type { GameState } from '../../../shared/model/state.js';
import { chargeAnswer } from '../../../shared/rules/answerCosts.js';
import { previewAnswer, spentWorld } from '../../../shared/rules/preview.js';
import { collectAnswers, crisisOdds } from '../../../shared/rules/combat.js';
import { Ledger } from '../../../shared/rules/ledger.js';
import {
  adjudicated,
  apply,
  chargedTerms,
  choiceFor,
  crisisStates,
  guarantorTurns,
  honorCharged,
} from './crisisStates.js';

const SEEDS = [1, 2, 3, 4, 5, 6];

describe.each(['classroom', 'baltic'])('previewAnswer in %s', (scenarioId) => {
  const states = crisisStates(scenarioId, SEEDS);

  it('finds crises to preview (else this suite would check nothing)', () => {
    expect(states.length).toBeGreaterThanOrEqual(3);
  });

  it('previews each answer at the honor cost, audience cost and odds adjudication charges', () => {
    let checked = 0;
    states.forEach((start, s) => {
      let state: GameState = start;
      const previews: { guarantor: string; gid: string; honorCost: number; audience: number; label: string }[] = [];
      guarantorTurns(start).forEach(({ seat, gid }, i) => {
        const choice = choiceFor(s + i);
        const preview = previewAnswer(state, gid, choice, null);
        const g = state.guarantees[gid];
        if (!preview || !g) throw new Error(`no preview for ${gid}`);
        previews.push({
          guarantor: g.guarantor,
          gid,
          honorCost: preview.honorCost,
          audience: preview.audienceCost.value,
          label: preview.audienceCost.terms[0]?.label ?? 'audience cost',
        });
        if (choice === 'honor') expect(preview.honorCost, gid).toBeGreaterThan(0);
        else expect(preview.honorCost, gid).toBe(0);
        state = apply(state, seat, { type: 'answer_guarantee', guarantee: gid, choice });
      });
      // With every answer in, the preview's odds are the chance adjudication draws against.
      const answered = state;
      const done = adjudicated(answered);
      for (const outcome of done.report?.outcomes.crises ?? []) {
        const crisis = answered.crises.find((c) => c.challengerSeat === outcome.challengerSeat);
        if (!crisis || outcome.chance === null) continue;
        expect(crisisOdds(spentWorld(answered), crisis, collectAnswers(answered)).success).toBe(outcome.chance);
      }
      for (const p of previews) {
        expect(honorCharged(done, p.guarantor, p.gid), p.gid).toBe(p.honorCost);
        if (p.audience > 0)
          expect(chargedTerms(done, p.guarantor, 'consensus')).toContainEqual({ label: p.label, value: -p.audience });
        checked++;
      }
    });
    expect(checked).toBeGreaterThanOrEqual(3);
  });
});

describe('chargeAnswer', () => {
  const [state] = crisisStates('classroom', [1, 2, 3]);
  if (!state) throw new Error('no classroom crisis');
  const crisis = state.crises.find((c) => c.invoked.length > 0);
  const g = state.guarantees[crisis?.invoked[0] ?? ''];
  if (!crisis || !g) throw new Error('no invoked guarantee');

  const charge = (type: 'treaty' | 'economic') => {
    const ledger = new Ledger(state);
    const world = { ...state, nations: ledger.nations, guarantees: ledger.guarantees, regions: ledger.regions };
    const result = chargeAnswer(ledger, world, crisis, { ...g, type }, 'honor', null, 4);
    return { result, ally: ledger.nations[g.ally]?.aidInbound ?? 0 };
  };

  it('bills an economic honor half of a military one, and sends the ally aid instead of forces', () => {
    const military = charge('treaty');
    const economic = charge('economic');
    expect(economic.result.honorCost).toBeCloseTo(military.result.honorCost / 2, 9);
    expect(economic.ally - military.ally).toBeCloseTo(military.result.honorCost * state.params.economicAidShare, 9);
  });
});

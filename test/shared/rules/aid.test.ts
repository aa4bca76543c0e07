// Aid arrives the turn after it is sent (issue 11): the recipient gains capability and resilience
// in the next adjudication, never in the one where the donor pays. Classroom: Aurelia sends Bosk
// 20 bn in turn 1 out of its domestic line; a twin match sends nothing. In turn 2 neither sends aid.
import { describe, expect, test } from 'vitest';
import type { Allocation } from '../../../shared/model/commands.js';
import type { GameState } from '../../../shared/model/state.js';
import { statusQuoAllocation } from '../../../shared/rules/economy.js';
import { DEFAULT_PARAMS as P } from '../../../shared/model/params.js';
import { turnWith } from '../properties/drive.js';
import { quietClassroom } from './match.js';

const AID = 20;

const plan =
  (aid: number) =>
  (s: GameState): Allocation => {
    const base = statusQuoAllocation(s.nations.aurelia!, 1);
    return { ...base, foreignAid: aid > 0 ? { bosk: aid } : {}, domestic: base.domestic - aid };
  };

describe('aid to Bosk', () => {
  const start = quietClassroom(41);
  const sent = turnWith(start, 'aurelia', plan(AID));
  const none = turnWith(start, 'aurelia', plan(0));
  const bosk = (s: GameState) => s.nations.bosk!;

  test('the turn it is sent: inbound, and no capability or resilience yet', () => {
    expect(bosk(sent).aidInbound).toBe(AID);
    expect(bosk(none).aidInbound).toBe(0);
    expect(bosk(sent).capability).toBe(bosk(none).capability);
    expect(bosk(sent).resilience).toBe(bosk(none).resilience);
  });

  test('the turn after: half buys arms, half resilience', () => {
    const sent2 = turnWith(sent, 'aurelia', plan(0));
    const none2 = turnWith(none, 'aurelia', plan(0));
    const b = bosk(sent);
    // Arms: 10 bn / 3 × (0.5 + industry / 100), then this turn's depreciation on them too.
    const arms = (AID / 2 / P.bnPerForcePoint) * (0.5 + b.industrialBase / 100);
    expect(bosk(sent2).capability - bosk(none2).capability).toBeCloseTo(arms * (1 - P.capabilityDepreciation), 9);
    // Resilience: 10 bn as % of GDP × 0.1 per point.
    const resilience = ((100 * AID) / 2 / b.gdp) * P.resiliencePerAidPct;
    expect(bosk(sent2).resilience - bosk(none2).resilience).toBeCloseTo(resilience, 9);
    expect(bosk(sent2).aidInbound).toBe(0);
  });
});

// Selectors are the shared rules' arithmetic, shaped for drawing: checked against the engine.
import { describe, expect, it } from 'vitest';
import {
  RUNG_COLORS,
  allocationPreview,
  guaranteeLinks,
  phaseLabel,
  secondsLeft,
  theaters,
} from '../../client/view/selectors.js';
import { budget, credibility, statusQuoAllocation, viewFor } from '../../shared/index.js';
import { classroomAt } from './fixtures.js';

const view = viewFor(classroomAt('allocation'), 'aurelia');

describe('selectors', () => {
  it('labels the phase and counts down the deadline', () => {
    expect(phaseLabel(view)).toBe('Turn 1 of 10 — Allocation');
    expect(secondsLeft(null, 0)).toBeNull();
    expect(secondsLeft(10_000, 8_500)).toBe(2);
    expect(secondsLeft(10_000, 12_000)).toBe(0);
  });

  it('lists theaters hottest first with their rungs named, and a distinct colour per rung', () => {
    const region = (id: string, rung: number) => {
      const r = view.regions[id];
      if (!r) throw new Error(`no region ${id}`);
      return { ...r, rung };
    };
    const heated = { ...view, regions: { ...view.regions, west: region('west', 4), east: region('east', 1) } };
    expect(theaters(heated).map((r) => [r.name, r.rung, r.rungName])).toEqual([
      ['Western Shore', 4, 'limited war'],
      ['Varkal Heartland', 1, 'gray zone'],
      ['Northern March', 0, 'peace'],
      ['Southern Coast', 0, 'peace'],
    ]);
    expect(new Set(RUNG_COLORS).size).toBe(9);
  });

  it('sizes each guarantee arc by its credibility to the challenger', () => {
    const links = guaranteeLinks(view);
    expect(links.map((l) => l.id).sort()).toEqual(['aurelia-bosk', 'aurelia-corvin', 'aurelia-dunmere']);
    for (const l of links) {
      expect(l.credibility).toBeCloseTo(credibility(view, l.id, 'challenger').value, 9);
      expect(l.width).toBeGreaterThanOrEqual(1);
      expect(l.width).toBeLessThanOrEqual(8);
    }
    const sorted = [...links].sort((a, b) => a.credibility - b.credibility);
    expect(sorted[0]?.width).toBeLessThanOrEqual(sorted.at(-1)?.width ?? 0);
  });

  it("previews an allocation against the seat's budget with the engine's numbers", () => {
    const aurelia = view.nations['aurelia'];
    if (!aurelia) throw new Error('no aurelia');
    const plan = statusQuoAllocation(aurelia, 1);
    const preview = allocationPreview(view, 'aurelia', plan);
    expect(preview?.budget).toBeCloseTo(budget(aurelia, 1).value, 9);
    expect(preview?.left).toBeCloseTo(0, 6);
    expect(preview?.overBudget).toBe(false);
    expect(preview?.defenseShare).toBeCloseTo(aurelia.defenseShare, 6);
    const greedy = allocationPreview(view, 'aurelia', { ...plan, domestic: plan.domestic + 1 });
    expect(greedy?.overBudget).toBe(true);
    expect(allocationPreview(view, 'observer', plan)).toBeNull();
  });
});

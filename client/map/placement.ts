// Where the map's labels and cards go: each at the first of its candidate spots that stays inside
// the map's resting view and covers nothing placed before it, no inset, button or (for cards) arc;
// else where it covers least. Plain arithmetic in screen pixels, no Phaser: tested on its own.

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Placeable {
  /** Stable between redraws ("card:northmarch"): a spot that is still as good is kept. */
  id: string;
  /** The point it belongs to. */
  x: number;
  y: number;
  /** The size drawn. */
  w: number;
  h: number;
  /**
   * The size a spot is chosen for (at least w × h): a card reserves room for a crisis line and a
   * row of chips, so one more line does not send it elsewhere. The drawn box sits in it on the
   * side nearest the point.
   */
  reserve?: { w: number; h: number };
  /** Top-left corners of the reserved box relative to the point, tried in order. */
  candidates: [number, number][];
  /**
   * `label`: a nation's name, kept in its inset. `card`: keeps clear of the arcs too (a label sits
   * where its arcs end anyway), and may hang over its inset's edge (most insets are too small for
   * one). `name`: a grey neighbour's name, left out rather than drawn over anything.
   */
  kind: 'label' | 'card' | 'name';
}

export interface Placed {
  /** The drawn box's top-left corner relative to the point. */
  dx: number;
  dy: number;
  visible: boolean;
  /** The candidate chosen, remembered for the next layout. */
  choice: number;
  /** What the spot costs: 100 and more when it covers something (see COST). */
  cost: number;
}

export interface Surroundings {
  /** What everything stays inside: the part of the frame in sight at rest. */
  bounds: Rect;
  /** Inset boxes: nothing covers one, except what belongs to it (a card may hang over its edge). */
  insets: Rect[];
  /** Boxes nothing should cover (the map's buttons and legend). */
  obstacles: Rect[];
  /** The arcs, as flat x, y polylines. */
  lines: number[][];
  /** Each id's choice at the last layout. */
  previous?: ReadonlyMap<string, number>;
}

/** Breathing room kept from the bounds' edges (px). */
const EDGE = 4;
/**
 * What a spot costs: covering a label, a card, a button or an inset outweighs anything else; then
 * each arc crossed (as much as about a hundred pixels of distance), then the distance from the
 * point and any shift that kept the box in bounds.
 */
const COST = { cover: 100, inset: 100, outside: 100, line: 6, away: 1 / 16, shifted: 1 / 8 } as const;

/** How far the point lies from the box (0 inside it). */
export const gapTo = (r: Rect, x: number, y: number): number =>
  Math.hypot(Math.max(r.x - x, 0, x - r.x - r.w), Math.max(r.y - y, 0, y - r.y - r.h));

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

const contains = (r: Rect, x: number, y: number) => x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h;

/** Liang–Barsky: does the segment cross the rectangle? */
const segmentHits = (r: Rect, x0: number, y0: number, x1: number, y1: number): boolean => {
  const [dx, dy] = [x1 - x0, y1 - y0];
  let [t0, t1] = [0, 1];
  const edges: [number, number][] = [
    [-dx, x0 - r.x],
    [dx, r.x + r.w - x0],
    [-dy, y0 - r.y],
    [dy, r.y + r.h - y0],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else if (p < 0) t0 = Math.max(t0, q / p);
    else t1 = Math.min(t1, q / p);
    if (t0 > t1) return false;
  }
  return true;
};

export const lineHits = (r: Rect, line: readonly number[]): boolean => {
  for (let i = 2; i < line.length; i += 2)
    if (segmentHits(r, line[i - 2] ?? 0, line[i - 1] ?? 0, line[i] ?? 0, line[i + 1] ?? 0)) return true;
  return false;
};

/** Moves `r` the least distance that brings it inside `b` (its top-left corner when it cannot fit). */
const shiftInside = (r: Rect, b: Rect): Rect => {
  const axis = (v: number, size: number, lo: number, span: number) =>
    size >= span - 2 * EDGE ? lo + EDGE : Math.min(lo + span - EDGE - size, Math.max(lo + EDGE, v));
  return { ...r, x: axis(r.x, r.w, b.x, b.w), y: axis(r.y, r.h, b.y, b.h) };
};

/**
 * Where the drawn box sits in its reserved box: at its top, so a card that grows (a move, a row of
 * chips) grows down and its title stays where it was; left to right against the side facing the
 * point, centred when the point lies across it.
 */
const within = (box: Rect, px: number, w: number): [number, number] => [
  box.x + box.w <= px ? box.x + box.w - w : box.x >= px ? box.x : box.x + (box.w - w) / 2,
  box.y,
];

/**
 * Spots for a box of `size` around its point, each `d` px clear of it: close first, then farther
 * out; at each distance right and left first, then below and above, then the directions between.
 */
export const ringsAround = (size: { w: number; h: number }, distances = [14, 40, 72, 110, 160]): [number, number][] => {
  const angles = [0, 180, 90, 270, 45, 135, 315, 225, 22.5, 157.5, 337.5, 202.5, 67.5, 112.5, 292.5, 247.5];
  const gap = (t: number, cx: number, cy: number) =>
    Math.hypot(Math.max(t * Math.abs(cx) - size.w / 2, 0), Math.max(t * Math.abs(cy) - size.h / 2, 0));
  const out: [number, number][] = [];
  for (const d of distances)
    for (const a of angles) {
      const [cx, cy] = [Math.cos((a * Math.PI) / 180), Math.sin((a * Math.PI) / 180)];
      // How far along the direction the box's centre goes for the box to clear the point by d.
      let [lo, hi] = [0, d + size.w + size.h];
      for (let i = 0; i < 40; i++)
        [lo, hi] = gap((lo + hi) / 2, cx, cy) < d ? [(lo + hi) / 2, hi] : [lo, (lo + hi) / 2];
      out.push([cx * hi - size.w / 2, cy * hi - size.h / 2]);
    }
  return out;
};

interface Spot {
  index: number;
  rect: Rect;
  cost: number;
}

/** Every candidate spot of `item` and what it costs among the boxes already `placed`. */
const spotsOf = (item: Placeable, placed: readonly Rect[], around: Surroundings): Spot[] => {
  const home = around.insets.find((r) => contains(r, item.x, item.y));
  const bounds = home && item.kind !== 'card' ? home : around.bounds;
  const blocked = [...around.obstacles, ...around.insets.filter((r) => r !== home)];
  const size = { w: Math.max(item.w, item.reserve?.w ?? 0), h: Math.max(item.h, item.reserve?.h ?? 0) };
  return item.candidates.map(([dx, dy], index) => {
    const wanted = { x: item.x + dx, y: item.y + dy, ...size };
    const rect = shiftInside(wanted, bounds);
    const outside =
      rect.x < bounds.x ||
      rect.y < bounds.y ||
      rect.x + rect.w > bounds.x + bounds.w ||
      rect.y + rect.h > bounds.y + bounds.h;
    const cost =
      COST.cover * placed.filter((p) => overlap(p, rect)).length +
      COST.inset * blocked.filter((p) => overlap(p, rect)).length +
      (outside ? COST.outside : 0) +
      (item.kind === 'card' ? COST.line * around.lines.filter((l) => lineHits(rect, l)).length : 0) +
      COST.away * Math.round(gapTo(rect, item.x, item.y)) +
      COST.shifted * Math.hypot(rect.x - wanted.x, rect.y - wanted.y);
    return { index, rect, cost };
  });
};

const cheapest = (spots: readonly Spot[]): Spot | undefined =>
  spots.reduce<Spot | undefined>((best, s) => (best && best.cost <= s.cost ? best : s), undefined);

/** Every order of `xs` (cards are few: four or five on a map). */
const orders = <T>(xs: readonly T[]): T[][] =>
  xs.length <= 1
    ? [[...xs]]
    : xs.flatMap((x, i) => orders([...xs.slice(0, i), ...xs.slice(i + 1)]).map((o) => [x, ...o]));

/** Beyond this many cards, they are placed in the order given rather than in the best order. */
const MAX_ORDERED = 6;

/**
 * Places labels (in order: they sit on their points), then cards, then the grey names (only where
 * they cover nothing); returns each one's spot by id. Cards go one by one, each to its cheapest
 * spot; every order of the cards is tried and the cheapest layout kept, so a card with room
 * around it does not take the one good spot a hemmed-in card had.
 */
export const placeAll = (items: readonly Placeable[], around: Surroundings): Map<string, Placed> => {
  const out = new Map<string, Placed>();
  const placed: Rect[] = [];
  const put = (item: Placeable, spot: Spot | undefined) => {
    if (!spot || (item.kind === 'name' && spot.cost > 0)) {
      out.set(item.id, { dx: 0, dy: 0, visible: false, choice: -1, cost: spot?.cost ?? Infinity });
      return;
    }
    placed.push(spot.rect);
    const [x, y] = within(spot.rect, item.x, item.w);
    out.set(item.id, { dx: x - item.x, dy: y - item.y, visible: true, choice: spot.index, cost: spot.cost });
  };
  // The last spot stays while nothing is better: cards do not wander from turn to turn.
  const choose = (item: Placeable, spots: readonly Spot[]) => {
    const best = cheapest(spots);
    const kept = spots[around.previous?.get(item.id) ?? -1];
    return kept && best && kept.cost <= best.cost ? kept : best;
  };

  for (const item of items.filter((i) => i.kind === 'label')) put(item, choose(item, spotsOf(item, placed, around)));
  const cards = items.filter((i) => i.kind === 'card');
  // What each spot costs among the labels; other cards only add their overlaps.
  const alone = new Map(cards.map((c) => [c.id, spotsOf(c, placed, around)]));
  const layout = (order: readonly Placeable[]) => {
    const taken: Rect[] = [];
    const spots = order.map((c) => {
      const among = (alone.get(c.id) ?? []).map((s) => ({
        ...s,
        cost: s.cost + COST.cover * taken.filter((t) => overlap(t, s.rect)).length,
      }));
      const spot = choose(c, among);
      if (spot) taken.push(spot.rect);
      return spot;
    });
    return { order, spots, total: spots.reduce((sum, s) => sum + (s?.cost ?? Infinity), 0) };
  };
  const tries = cards.length <= MAX_ORDERED ? orders(cards).map(layout) : [layout(cards)];
  const best = tries.reduce((a, b) => (b.total < a.total ? b : a));
  best.order.forEach((c, i) => put(c, best.spots[i]));
  for (const item of items.filter((i) => i.kind === 'name')) put(item, choose(item, spotsOf(item, placed, around)));
  return out;
};

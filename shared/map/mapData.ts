// The map's geometry as the server sends it (`GET /maps/<scenario>.json`): projected once per
// scenario into a fixed frame, so the client only draws. The client parses it with this schema
// (parse, don't trust), and the server's test checks its output against the same one.
import { z } from 'zod';

const coord = z.number().finite();
/** A closed ring as a flat list `x0, y0, x1, y1, …` in frame units (smaller JSON than pairs). */
export const RingSchema = z
  .array(coord)
  .min(6)
  .refine((r) => r.length % 2 === 0, 'a ring has an even number of coordinates');
export const PointSchema = z.tuple([coord, coord]);

export const MapNationSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** A short code for small labels (ISO alpha-3 on real maps). */
  code: z.string(),
  rings: z.array(RingSchema).min(1),
  /** Where the name goes: inside the nation's largest visible part. */
  label: PointSchema,
  /** Index into `insets` when the nation is drawn in an inset rather than the main frame. */
  inset: z.int().min(0).nullable(),
});

/** A far-away nation drawn at its own scale in a box (e.g. the United States beside Europe). */
export const MapInsetSchema = z.object({
  /** x, y, width, height in frame units. */
  box: z.tuple([coord, coord, coord, coord]),
  title: z.string(),
  /** Neighbouring countries inside the box, for context. */
  background: z.array(RingSchema),
});

export const MapRegionSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The theater's marker: the scenario's anchor, or the centre of its nations' labels. */
  anchor: PointSchema,
});

/** A grey neighbour's name and where to write it. */
export const MapPlaceSchema = z.object({ name: z.string(), at: PointSchema });

export const MapDataSchema = z.object({
  scenarioId: z.string(),
  /** `iso`: real borders from Natural Earth; `polygons`: the scenario's own shapes. */
  kind: z.enum(['iso', 'polygons']),
  width: z.number().positive(),
  height: z.number().positive(),
  nations: z.array(MapNationSchema).min(1),
  regions: z.array(MapRegionSchema),
  /** Countries outside the scenario, grey, clipped to the frame. */
  background: z.array(RingSchema),
  places: z.array(MapPlaceSchema),
  insets: z.array(MapInsetSchema),
  /** Data credit to show on the map, or null for fictional maps. */
  credit: z.string().nullable(),
});

export type Ring = z.infer<typeof RingSchema>;
export type Point = z.infer<typeof PointSchema>;
export type MapNation = z.infer<typeof MapNationSchema>;
export type MapInset = z.infer<typeof MapInsetSchema>;
export type MapRegion = z.infer<typeof MapRegionSchema>;
export type MapPlace = z.infer<typeof MapPlaceSchema>;
export type MapData = z.infer<typeof MapDataSchema>;

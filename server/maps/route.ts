// GET /maps/<scenario>.json: the projected map the client draws (shared/map/mapData.ts).
import type { Express } from 'express';
import { quoted } from '../../shared/index.js';
import { mapJsonFor } from './mapFor.js';

export const mountMaps = (app: Express): void => {
  app.get('/maps/:scenario.json', (req, res) => {
    const id = req.params.scenario;
    let json: string | null;
    try {
      json = mapJsonFor(id);
    } catch (error) {
      // A shipped scenario whose nations have no shape: an authoring error, said plainly.
      res.status(500).json({ error: error instanceof Error ? error.message : `no map for "${id}"` });
      return;
    }
    if (json === null) {
      res.status(404).json({ error: `unknown scenario ${quoted(id)}` });
      return;
    }
    // Small and stable: browsers revalidate with the ETag and mostly get a 304.
    res.set('Cache-Control', 'no-cache').type('json').send(json);
  });
};

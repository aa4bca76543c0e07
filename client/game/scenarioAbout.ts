// The scenario's title and summary for the briefing: the same small catalogue the home page reads
// (the match state carries only the scenario's id). Fetched once per page; a failure leaves it out.
export interface ScenarioAbout {
  title: string;
  summary: string;
}

const isAbout = (x: unknown): x is ScenarioAbout & { id: string } =>
  typeof x === 'object' &&
  x !== null &&
  'id' in x &&
  'title' in x &&
  'summary' in x &&
  typeof x.id === 'string' &&
  typeof x.title === 'string' &&
  typeof x.summary === 'string';

let catalogue: Promise<unknown[]> | null = null;

export const scenarioAbout = async (id: string): Promise<ScenarioAbout | null> => {
  catalogue ??= fetch('/api/scenarios')
    .then((res) => (res.ok ? res.json() : []))
    .then((list: unknown) => (Array.isArray(list) ? list : []))
    .catch(() => []);
  const found = (await catalogue).find((s) => isAbout(s) && s.id === id);
  return isAbout(found) ? { title: found.title, summary: found.summary } : null;
};

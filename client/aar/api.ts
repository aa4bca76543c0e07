// The match record over HTTP (docs/PROTOCOL.md §7): the facilitator key travels in a header, never
// in a URL, and every refusal becomes a sentence a teacher can act on.
import { keyFor } from '../net/pastMatches.js';

/** A refusal or failure, with the HTTP status for callers that tell 403 from 404. */
export class RecordError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const PRIVATE_MESSAGE =
  'This review is private: open it from the browser that ran the match, or ask the White Cell to make it public.';

const serverSays = async (res: Response): Promise<string> => {
  try {
    const body = (await res.json()) as { error?: unknown };
    return typeof body.error === 'string' ? body.error : '';
  } catch {
    return '';
  }
};

const explain = async (res: Response): Promise<RecordError> => {
  const said = await serverSays(res);
  if (res.status === 403) return new RecordError(403, PRIVATE_MESSAGE);
  if (res.status === 404)
    return new RecordError(404, `There is no recorded match with this id on this server${said ? ` (${said})` : ''}.`);
  if (res.status >= 500)
    return new RecordError(res.status, `The server could not replay this match's record: ${said || res.statusText}.`);
  return new RecordError(res.status, said || `The server answered ${res.status} ${res.statusText}.`);
};

const headers = (matchId: string, extra: Record<string, string> = {}): Record<string, string> => {
  const key = keyFor(matchId);
  return key ? { ...extra, 'X-Facilitator-Key': key } : extra;
};

const path = (matchId: string, file: string) => `/api/matches/${encodeURIComponent(matchId)}/${file}`;

/** GETs a record file with this browser's key (if it holds one). */
export const fetchRecordFile = async (matchId: string, file: 'record.json' | 'record.csv' | 'replay.json') => {
  let res: Response;
  try {
    res = await fetch(path(matchId, file), { headers: headers(matchId), cache: 'no-store' });
  } catch {
    throw new RecordError(0, 'The server could not be reached: is it running?');
  }
  if (!res.ok) throw await explain(res);
  return res;
};

export const fetchJson = async (matchId: string, file: 'record.json' | 'replay.json'): Promise<unknown> =>
  (await fetchRecordFile(matchId, file)).json();

/** Opens the review to anyone with the link, or closes it again (the White Cell only). */
export const setPublic = async (matchId: string, open: boolean): Promise<boolean> => {
  const res = await fetch(path(matchId, 'public'), {
    method: 'POST',
    headers: headers(matchId, { 'content-type': 'application/json' }),
    body: JSON.stringify({ public: open }),
  });
  if (!res.ok) throw await explain(res);
  return ((await res.json()) as { public: boolean }).public;
};

/** The file name the server proposes (Content-Disposition), or a fallback. */
export const fileNameOf = (res: Response, fallback: string): string =>
  /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallback;

/** Saves a fetched file through a temporary object URL: the key never appears in a link. */
export const download = async (matchId: string, file: 'record.json' | 'record.csv', fallback: string) => {
  const res = await fetchRecordFile(matchId, file);
  const name = fileNameOf(res, fallback);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
};

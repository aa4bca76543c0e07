// The last handler of every HTTP route: an error (a malformed URL, a body that is not JSON, a
// missing asset) is answered as JSON with its status and words, and logged only when it is the
// server's own fault (5xx), through the bounded log: a client's bad requests never fill it.
import type { ErrorRequestHandler, Express } from 'express';
import { printable } from '../../shared/index.js';
import { serverLog } from '../access/boundedLog.js';

const statusOf = (error: unknown): number => {
  const status =
    (error as { status?: unknown; statusCode?: unknown } | null)?.status ??
    (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
};

const answerErrors: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) return next(error);
  const status = statusOf(error);
  if (status >= 500) serverLog.error('HTTP handler failed:', error);
  const words = status < 500 && error instanceof Error ? printable(error.message, 200) : 'the server could not answer';
  res.status(status).json({ error: words });
};

export const mountErrorAnswers = (app: Express): void => {
  app.use(answerErrors);
};

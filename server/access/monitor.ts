// The Colyseus monitor, mounted only when MONITOR_PASSWORD is set, behind HTTP basic auth.
import { monitor } from '@colyseus/monitor';
import type { Express, NextFunction, Request, Response } from 'express';
import { sameSecret } from './sameSecret.js';

/** Accepts any user name with the password; answers 401 with a login prompt otherwise. */
export const basicAuth =
  (password: string) =>
  (req: Request, res: Response, next: NextFunction): void => {
    const header = req.headers.authorization ?? '';
    const decoded = header.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString() : '';
    const given = decoded.slice(decoded.indexOf(':') + 1);
    if (decoded.includes(':') && sameSecret(given, password)) return next();
    res.set('WWW-Authenticate', 'Basic realm="Guarantor monitor"').status(401).send('monitor: password required');
  };

export const mountMonitor = (app: Express, password: string | undefined): boolean => {
  if (!password) return false;
  app.use('/monitor', basicAuth(password), monitor());
  return true;
};

// Join codes people can read aloud: 8 characters from an alphabet without 0/O, 1/I/L (about 40 bits).
import { randomBytes, randomInt } from 'node:crypto';

export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;

export const newJoinCode = (): string =>
  Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

/** A secret that reclaims the White Cell from another device. */
export const newSecretKey = (): string => randomBytes(18).toString('base64url');

/** A fresh seed for a match that did not ask for one (server-side: not a game draw). */
export const newSeed = (): number => randomInt(0, 2 ** 32 - 1);

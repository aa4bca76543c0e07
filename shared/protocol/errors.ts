// The fixed list of rule error codes. Clients switch on the code; the message is for people.
export const ERROR_CODES = [
  /** The payload is not a command at all (wrong shape, unknown type, bad field). */
  'ERR_MALFORMED',
  /** The command exists but not in the current phase. */
  'ERR_NOT_YOUR_PHASE',
  /** The seat's role may never send this command. */
  'ERR_NOT_YOUR_ROLE',
  /** No such seat in this match. */
  'ERR_UNKNOWN_SEAT',
  /** A nation, region, guarantee or event id the command names does not exist or is not allowed. */
  'ERR_UNKNOWN_TARGET',
  /** The allocation spends more than the seat's budget. */
  'ERR_OVER_BUDGET',
  /** The seat already submitted for this phase. */
  'ERR_ALREADY_SUBMITTED',
  /** The seat has nothing to answer in this phase (e.g. no guarantee of its was invoked). */
  'ERR_NOTHING_TO_ANSWER',
  /** advance() without a timeout while seats still owe a submission. */
  'ERR_WAITING_FOR_SEATS',
  /** The match is paused by the facilitator. */
  'ERR_PAUSED',
  /** The match has ended. */
  'ERR_MATCH_OVER',
  /** An override without its required reason. */
  'ERR_REASON_REQUIRED',
  /** The scenario file or match setup is invalid. */
  'ERR_INVALID_SCENARIO',
  /** The server's per-client allowance of messages is spent (network only; the engine never returns it). */
  'ERR_RATE_LIMITED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

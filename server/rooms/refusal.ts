// A create or join the room turns down on purpose (bad options, a wrong code) is a ServerError:
// the client gets its message, and neither Colyseus nor the room logs a stack trace for it, so a
// client that keeps trying cannot fill the log.
import { ErrorCode, ServerError } from '@colyseus/core';

/** A refusal of a join (Colyseus's application error, 4216) or, with its code, of a creation. */
export const refusal = (message: string, code: number = ErrorCode.APPLICATION_ERROR): ServerError =>
  new ServerError(code, message);

/** Whether an exception the framework caught is such a refusal (Colyseus wraps it as the cause). */
export const isRefusal = (error: unknown): boolean =>
  error instanceof ServerError || (error instanceof Error && error.cause instanceof ServerError);

// A create or join the room turns down on purpose (bad options, a wrong code) is a ServerError:
// the client gets its message, and neither Colyseus nor the room logs a stack trace for it, so a
// client that keeps trying cannot fill the log.
import { ErrorCode, ServerError } from '@colyseus/core';

/** A refusal of a join, with Colyseus's application error (4216). */
export const refusal = (message: string): ServerError => new ServerError(ErrorCode.APPLICATION_ERROR, message);

/** A refusal of a creation, with the code Colyseus gives a creation it could not make (4213). */
export const creationRefusal = (message: string): ServerError =>
  new ServerError(ErrorCode.MATCHMAKE_UNHANDLED, message);

/** Whether an exception the framework caught is such a refusal (Colyseus wraps it as the cause). */
export const isRefusal = (error: unknown): boolean =>
  error instanceof ServerError || (error instanceof Error && error.cause instanceof ServerError);

// The sizes the server accepts from a client, chosen so every legal message fits with room to spare
// (the longest text a schema allows, 1,000 characters, is at most 4 KB of UTF-8) and a refusal can
// still name a schema's own limit: a 5,000-character chat line arrives and is answered, not cut off.

/** The largest WebSocket frame; a bigger one closes its connection with 1009 before any handler runs. */
export const MAX_FRAME_BYTES = 64 * 1024;

/** The largest matchmaking request body (create, join, reconnect options); a bigger one gets 413. */
export const MAX_REQUEST_BYTES = 16 * 1024;

/** ws refuses a close reason over 123 bytes by throwing, from inside its event handlers. */
export const MAX_CLOSE_REASON_BYTES = 123;

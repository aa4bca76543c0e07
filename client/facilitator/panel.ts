// One section of the White Cell's console: built once, told about each snapshot with its view.
import type { RoomMessageType, RoomMessages } from '../../shared/protocol/roomMessages.js';
import type { GameView } from '../../shared/view/viewFor.js';
import type { StoreSnapshot } from '../net/store.js';
import type { ScreenContext } from '../screens/screen.js';

export interface Panel {
  el: HTMLElement;
  update(s: StoreSnapshot, view: GameView): void;
  destroy?(): void;
}

/** Runs `render` only when `key` differs from the last one, so forms and focus survive patches. */
export const onChange = <T>(render: (value: T) => void): ((key: string, value: T) => void) => {
  let last: string | null = null;
  return (key, value) => {
    if (key === last) return;
    last = key;
    render(value);
  };
};

/** Sends a room message through the shared message map, so its type and payload are checked. */
export const sendMessage = <T extends RoomMessageType>(ctx: ScreenContext, type: T, payload: RoomMessages[T]): void =>
  ctx.conn.send(type, payload);

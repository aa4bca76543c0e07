// The app shell: which screen shows (from the match status and the page's query), the connection
// banner ("reconnecting…") and the notice line. Screens below it are loaded on first use, so the
// home and lobby never download Phaser or the map.
import { MatchConnection } from './net/connection.js';
import type { StoreSnapshot } from './net/store.js';
import { mountHome } from './screens/home.js';
import { mountLobby } from './screens/lobby.js';
import type { MountScreen, Screen, ScreenContext, ScreenName } from './screens/screen.js';
import { announce, h, replace } from './ui/dom.js';
import { screenFor } from './view/route.js';

const loaders: Record<ScreenName, () => Promise<MountScreen>> = {
  lobby: async () => mountLobby,
  game: async () => (await import('./screens/game.js')).mountGame,
  debrief: async () => (await import('./screens/debrief.js')).mountDebrief,
  projector: async () => (await import('./screens/projector.js')).mountProjector,
};

export class App {
  private readonly main: HTMLElement;
  private readonly banner = h('div', { class: 'banner', role: 'status', hidden: true });
  private readonly noticeLine = h('div', { class: 'notice', role: 'alert' });
  private screen: Screen | null = null;
  private screenName: ScreenName | 'home' | null = null;
  private loading: ScreenName | null = null;
  private unsubscribe: (() => void) | null = null;
  private lastNotice = 0;

  constructor(
    root: HTMLElement,
    private readonly params: URLSearchParams,
  ) {
    this.main = h('main', { id: 'main', tabindex: -1 });
    replace(root, this.banner, this.main, this.noticeLine);
    root.removeAttribute('aria-busy');
  }

  home(message?: string): void {
    this.teardown();
    this.screenName = 'home';
    this.screen = mountHome(this.main, {
      params: this.params,
      onConnected: (conn) => this.play(conn),
      ...(message ? { message } : {}),
    });
  }

  /** The after-action review of a recorded match (loaded on first use). */
  review(matchId: string): void {
    this.teardown();
    this.screenName = 'home';
    void import('./screens/aar.js').then(({ mountAar }) => {
      this.screen = mountAar(this.main, {
        matchId,
        onConnected: (conn) => {
          history.replaceState(null, '', location.pathname);
          this.play(conn);
        },
      });
    });
  }

  play(conn: MatchConnection): void {
    this.teardown();
    const ctx: ScreenContext = {
      conn,
      params: this.params,
      leave: () => {
        void conn.leave();
        history.replaceState(null, '', location.pathname);
        this.home();
      },
    };
    this.unsubscribe = conn.store.subscribe((s) => this.render(s, ctx));
    this.render(conn.store.current, ctx);
  }

  private render(s: StoreSnapshot, ctx: ScreenContext): void {
    this.showLink(s);
    if (s.notice && s.notice.serial !== this.lastNotice) {
      this.lastNotice = s.notice.serial;
      this.noticeLine.className = `notice ${s.notice.kind}`;
      replace(this.noticeLine, s.notice.text);
      // A notice is news, not a fixture: it goes after a while (errors stay longer to be read).
      const serial = s.notice.serial;
      setTimeout(() => {
        if (this.lastNotice === serial) replace(this.noticeLine);
      }, NOTICE_MS[s.notice.kind]);
    }
    if (!s.code) return;
    const wanted = screenFor(s.status, this.params);
    if (wanted === this.screenName) {
      this.screen?.update(s);
      return;
    }
    if (this.loading === wanted) return;
    this.loading = wanted;
    void loaders[wanted]().then((mount) => {
      if (this.loading !== wanted) return;
      this.loading = null;
      this.screen?.destroy();
      replace(this.main);
      this.screenName = wanted;
      this.screen = mount(this.main, ctx);
      this.screen.update(ctx.conn.store.current);
      announce(SCREEN_TITLES[wanted]);
    });
  }

  private showLink(s: StoreSnapshot): void {
    const text =
      s.link === 'reconnecting'
        ? 'Connection lost: reconnecting…'
        : s.link === 'closed'
          ? 'Disconnected from the match.'
          : '';
    if (this.banner.textContent === text) return;
    this.banner.hidden = text === '';
    replace(this.banner, text);
    if (text) announce(text);
  }

  private teardown(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.screen?.destroy();
    this.screen = null;
    this.loading = null;
    replace(this.main);
  }
}

const NOTICE_MS = { info: 4000, error: 10_000 } as const;

const SCREEN_TITLES: Record<ScreenName, string> = {
  lobby: 'Lobby',
  game: 'The match has started',
  debrief: 'The match is over: debrief',
  projector: 'Projector view',
};

/** Starts the app: back into this tab's match if it has one, else the home screen. */
export const boot = async (root: HTMLElement): Promise<void> => {
  const params = new URLSearchParams(location.search);
  const app = new App(root, params);
  // The after-action review of a recorded match needs no live connection.
  const aar = params.get('aar');
  if (aar) return app.review(aar);
  const projectorCode = params.get('view') === 'projector' ? params.get('code') : null;
  try {
    const conn = await (projectorCode ? MatchConnection.join(projectorCode, 'Projector') : MatchConnection.resume());
    if (conn) return app.play(conn);
  } catch (e) {
    return app.home(e instanceof Error ? e.message : String(e));
  }
  app.home();
};

// The way in: the match code, the invite link to copy, and the projector view for the classroom screen.
import type { ScreenContext } from '../screens/screen.js';
import { copyLink } from '../ui/copyLink.js';
import { h, replace, uid } from '../ui/dom.js';
import { inviteUrl, projectorUrl } from '../view/route.js';
import { type Panel, onChange } from './panel.js';

export const invitePanel = (_ctx: ScreenContext): Panel => {
  const code = h('strong', { class: 'code' });
  const linkId = uid('invite');
  const invite = copyLink('Copy invite link', { id: linkId, class: 'invite' });
  const projector = h('a', { target: '_blank', rel: 'noopener', class: 'button-link' }, 'Open the projector view');

  const render = onChange<string>((c) => {
    replace(code, c);
    invite.show(inviteUrl(location.origin, c));
    projector.href = projectorUrl(location.origin, c);
  });

  const el = h(
    'section',
    { class: 'card console-panel console-invite', 'aria-labelledby': 'console-invite-title' },
    h('h3', { id: 'console-invite-title' }, 'Invite and projector'),
    h('p', {}, 'Match code ', code),
    h('label', { for: linkId }, 'Invite link'),
    h('div', { class: 'inline' }, invite.field, invite.button),
    invite.status,
    h(
      'p',
      {},
      projector,
      h('span', { class: 'hint' }, ' — the map and the public timeline for the classroom screen, with no controls.'),
    ),
  );
  return { el, update: (s) => render(s.code, s.code) };
};

// The review's toolbar: download the record as JSON or CSV, open it to the public or close it
// (the White Cell only), and a link to the review to copy and share.
import { copyLink } from '../ui/copyLink.js';
import { announce, h, replace } from '../ui/dom.js';
import type { MatchRecordJson } from '../view/aar.js';
import { reviewUrl } from '../view/route.js';
import { download, setPublic } from './api.js';

export const actionsBar = (record: MatchRecordJson, isWhiteCell: boolean): HTMLElement => {
  const { id, code } = record.match;
  let open = record.match.publicAar;
  const status = h('p', { class: 'aar-action-status', role: 'status' });
  const say = (text: string) => {
    replace(status, text);
    announce(text);
  };
  const fail = (e: unknown) => {
    status.classList.add('error');
    replace(status, e instanceof Error ? e.message : String(e));
  };

  const downloadButton = (label: string, file: 'record.json' | 'record.csv', ext: string) => {
    const button = h('button', { type: 'button' }, label);
    button.addEventListener('click', () => {
      button.disabled = true;
      status.classList.remove('error');
      download(id, file, `guarantor-${code}.${ext}`)
        .then((name) => say(`Downloaded ${name}.`))
        .catch(fail)
        .finally(() => (button.disabled = false));
    });
    return button;
  };

  const privacy = h('p', { class: 'hint aar-privacy' });
  const toggle = h('button', { type: 'button' });
  const showPrivacy = () => {
    replace(toggle, open ? 'Make it private' : 'Make the review public');
    replace(
      privacy,
      open
        ? 'Public: anyone with the link can read this review and download its record.'
        : isWhiteCell
          ? 'Private: only a browser holding this match’s White Cell key (this one) can open the link.'
          : 'Public review.',
    );
  };
  toggle.addEventListener('click', () => {
    toggle.disabled = true;
    status.classList.remove('error');
    setPublic(id, !open)
      .then((now) => {
        open = now;
        showPrivacy();
        say(now ? 'The review is public: anyone with the link can read it.' : 'The review is private again.');
      })
      .catch(fail)
      .finally(() => (toggle.disabled = false));
  });
  showPrivacy();

  const link = copyLink('Copy link', { id: 'aar-link', class: 'aar-link' });
  link.show(reviewUrl(location.origin, id));

  return h(
    'section',
    { class: 'aar-actions card', 'aria-label': 'Export and share' },
    h(
      'div',
      { class: 'aar-buttons' },
      downloadButton('Download JSON', 'record.json', 'json'),
      downloadButton('Download CSV', 'record.csv', 'csv'),
      isWhiteCell ? toggle : null,
    ),
    h(
      'div',
      { class: 'aar-share' },
      h('label', { for: 'aar-link' }, 'Link to this review'),
      h('div', { class: 'aar-link-row' }, link.field, link.button),
      link.status,
      privacy,
    ),
    status,
  );
};

// A recorded match's status in words, for the review's header and the home page's past matches.
// Its own module so the home page does not pull in the review's chart code.
import type { RecordStatus } from '../../shared/record/timeline.js';

export const STATUS_LABELS: Readonly<Record<RecordStatus, string>> = {
  open: 'In progress',
  ended: 'Finished',
  closed: 'Closed before the end',
};

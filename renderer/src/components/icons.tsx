/**
 * Small inline SVG icons. Always decorative (aria-hidden): every icon sits next to words that
 * say the same thing, so state is never shown by colour or shape alone.
 */
import type { VerdictLevel } from '../../../electron/api/contract';

export type IconName =
  | 'check'
  | 'warning'
  | 'cross'
  | 'question'
  | 'spinner'
  | 'dot'
  | 'ban'
  | 'info'
  | 'arrow'
  | 'skip';

const PATHS: Record<IconName, string> = {
  check: 'M5 12.5l4.5 4.5L19 7.5',
  warning: 'M12 3.5L2.5 20h19L12 3.5zM12 10v4.5M12 17.2v.1',
  cross: 'M6.5 6.5l11 11M17.5 6.5l-11 11',
  question: 'M9.2 9a2.9 2.9 0 115.2 1.8c-.9 1-2.4 1.6-2.4 3.2M12 17.6v.1',
  spinner: 'M12 3.5a8.5 8.5 0 108.5 8.5',
  dot: 'M12 11.2a.8.8 0 100 1.6.8.8 0 000-1.6z',
  ban: 'M12 3.5a8.5 8.5 0 100 17 8.5 8.5 0 000-17zM6 6l12 12',
  info: 'M12 3.5a8.5 8.5 0 100 17 8.5 8.5 0 000-17zM12 11v5.5M12 7.8v.1',
  arrow: 'M4.5 12h14M13 6.5l5.5 5.5-5.5 5.5',
  skip: 'M5 6.5l6 5.5-6 5.5M13 6.5l6 5.5-6 5.5',
};

export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg
      className={`icon icon--${name}${className ? ` ${className}` : ''}`}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}

export const LEVEL_ICON: Record<VerdictLevel, IconName> = {
  protected: 'check',
  'at-risk': 'warning',
  unprotected: 'cross',
  'cannot-tell': 'question',
};

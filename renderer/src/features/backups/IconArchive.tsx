import type { SVGProps } from 'react';

/** The sidebar mark of the backups page: a box with an arrow into it (decorative, like the others). */
export const IconArchive = ({ size = 20, ...rest }: SVGProps<SVGSVGElement> & { size?: number }) => (
  <svg
    width={size}
    height={size}
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth={1.8}
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    focusable="false"
    {...rest}
  >
    <rect x="3.5" y="4" width="17" height="4.5" rx="1" />
    <path d="M5 8.5v9.5a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8.5" />
    <path d="M12 11v6M9.5 14.5 12 17l2.5-2.5" />
  </svg>
);

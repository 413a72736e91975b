import type { SVGProps } from 'react';

/** The sidebar mark of the personal data page: a shield with a person (decorative, like the others). */
export const IconShield = ({ size = 20, ...rest }: SVGProps<SVGSVGElement> & { size?: number }) => (
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
    <path d="M12 2.8 4.5 5.6v5.6c0 4.6 3.1 8.5 7.5 10 4.4-1.5 7.5-5.4 7.5-10V5.6z" />
    <circle cx="12" cy="10" r="2.4" />
    <path d="M8.4 16.2c.7-1.7 2-2.6 3.6-2.6s2.9.9 3.6 2.6" />
  </svg>
);

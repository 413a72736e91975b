import { createTheme } from '@mantine/core';

// Calm, readable, large targets (DESIGN §11).
export const theme = createTheme({
  primaryColor: 'teal',
  // Shade 9 is the first teal with 4.5:1 against white (WCAG AA for normal text); Mantine's
  // default 6 gives 2.6:1 on filled buttons and on coloured text.
  primaryShade: 9,
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Liberation Sans", sans-serif',
  defaultRadius: 'md',
  fontSizes: { md: '1rem' },
  components: {
    Button: { defaultProps: { size: 'md' } },
  },
});

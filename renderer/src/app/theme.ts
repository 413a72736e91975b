import { createTheme } from '@mantine/core';

// Calm, readable, large targets (DESIGN §11).
export const theme = createTheme({
  primaryColor: 'teal',
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Liberation Sans", sans-serif',
  defaultRadius: 'md',
  fontSizes: { md: '1rem' },
  components: {
    Button: { defaultProps: { size: 'md' } },
  },
});

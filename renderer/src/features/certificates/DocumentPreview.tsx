import { Box } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';

/** A4 at 96 dpi, the frame's own pixels; the page is scaled to the width it is given. */
const PAGE = { portrait: { width: 794, height: 1123 }, landscape: { width: 1123, height: 794 } } as const;
/** The document's screen style adds a 12 px grey margin around the page. */
const GUTTER = 24;

/**
 * The document exactly as it prints: the same HTML core sends to the printer, in a frame with
 * every sandbox restriction on (no script, no form, no navigation, its own opaque origin). The
 * HTML carries its own fonts and images and asks for nothing outside.
 */
export function DocumentPreview({ html, orientation, title }: { html: string; orientation: 'portrait' | 'landscape'; title: string }) {
  const { ref, width } = useElementSize();
  const page = PAGE[orientation];
  const frameWidth = page.width + GUTTER;
  const frameHeight = page.height + GUTTER;
  const scale = width > 0 ? Math.min(1, width / frameWidth) : 0.5;
  return (
    <Box ref={ref} w="100%" style={{ height: frameHeight * scale, overflow: 'hidden' }} data-testid="certificate-preview">
      <iframe
        title={title}
        sandbox=""
        srcDoc={html}
        style={{
          width: frameWidth,
          height: frameHeight,
          border: 0,
          transform: `scale(${scale})`,
          transformOrigin: 'top left',
          display: 'block',
          background: '#e9ecef',
        }}
      />
    </Box>
  );
}

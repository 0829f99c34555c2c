'use client';
// Keeps `--app-height` (used by the `h-app` class) at the height the page really has: on
// phones the on-screen keyboard covers the bottom of the layout viewport in browsers that
// do not resize it (iOS Safari), and a full-height app would hide its composer under it.
import { useEffect } from 'react';

export function useViewportHeight(): void {
  useEffect(() => {
    const viewport = window.visualViewport;
    if (!viewport) return;
    const root = document.documentElement;
    const update = () => {
      // Pinch-zooming shrinks the visual viewport too; that is not a keyboard.
      if (viewport.scale > 1.01) return;
      root.style.setProperty('--app-height', `${Math.round(viewport.height)}px`);
      // Safari scrolls the page to show the focused field; the app fits, so undo that.
      if (viewport.offsetTop > 0) window.scrollTo(0, 0);
    };
    update();
    viewport.addEventListener('resize', update);
    return () => {
      viewport.removeEventListener('resize', update);
      root.style.removeProperty('--app-height');
    };
  }, []);
}

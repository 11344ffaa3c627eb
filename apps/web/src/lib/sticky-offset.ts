/**
 * A bar that sticks to the top of a phone's screen covers whatever an anchor or `scrollIntoView` puts at the top of
 * the page. `stickyOffset` keeps the page's scroll padding as tall as the bar while it sticks (a bar that scrolls
 * with the page leaves it at none), so a scrolled-to heading lands under it, not beneath it.
 */
import type { Action } from 'svelte/action';

/** The scroll padding a bar asks for: its height and a small gap while it sticks, else none. */
export function paddingFor(position: string, height: number): string {
  return position === 'sticky' || position === 'fixed' ? `${Math.ceil(height) + 8}px` : '';
}

export const stickyOffset: Action<HTMLElement> = (bar) => {
  const root = document.documentElement;
  const update = () => {
    root.style.scrollPaddingTop = paddingFor(getComputedStyle(bar).position, bar.getBoundingClientRect().height);
  };
  const observer = new ResizeObserver(update);
  observer.observe(bar);
  // The bar's position changes with the width (sticky only on a phone) without its own size changing.
  window.addEventListener('resize', update);
  update();
  return {
    destroy() {
      observer.disconnect();
      window.removeEventListener('resize', update);
      root.style.scrollPaddingTop = '';
    }
  };
};

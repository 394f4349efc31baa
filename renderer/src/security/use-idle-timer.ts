/**
 * Calls `onIdle` once nobody has moved the mouse, pressed a key, scrolled or touched the screen
 * for `minutes`. One timer set to the moment the time would run out, moved on only when it fires
 * (activity just notes the time), so a moving mouse costs nothing; it reads `Date.now` and
 * `setTimeout`, which the end-to-end test drives with Playwright's clock instead of waiting.
 * Activity in another tab of the same desk counts too (a BroadcastChannel between them).
 */
import { useEffect, useRef } from 'react';

const TABS_CHANNEL = 'j3490-desk-activity';
const TELL_TABS_EVERY_MS = 5_000;
const ACTIVITY = ['mousemove', 'mousedown', 'keydown', 'wheel', 'scroll', 'touchstart', 'pointerdown'] as const;

/** `minutes` 0 (or `enabled` false) means never. */
export function useIdleTimer(minutes: number, enabled: boolean, onIdle: () => void): void {
  const latest = useRef(onIdle);
  useEffect(() => {
    latest.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!enabled || minutes <= 0) return;
    const limit = minutes * 60_000;
    let lastActivity = Date.now();
    let timer: ReturnType<typeof setTimeout>;
    // Tabs of the browser mode share one desk and one lock: use in any tab keeps them all open,
    // so a tab forgotten in the background does not lock the one being worked in.
    const tabs = typeof BroadcastChannel === 'function' ? new BroadcastChannel(TABS_CHANNEL) : null;
    let lastTold = 0;
    const noteActivity = () => {
      lastActivity = Date.now();
      if (tabs && lastActivity - lastTold > TELL_TABS_EVERY_MS) {
        lastTold = lastActivity;
        tabs.postMessage('active');
      }
    };
    if (tabs) {
      tabs.onmessage = () => {
        lastActivity = Date.now();
      };
    }
    const check = () => {
      const left = lastActivity + limit - Date.now();
      if (left <= 0) latest.current();
      else timer = setTimeout(check, left);
    };
    timer = setTimeout(check, limit);
    // Capture: a scroll inside a table or a key in a dialog counts too.
    for (const name of ACTIVITY) window.addEventListener(name, noteActivity, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      tabs?.close();
      for (const name of ACTIVITY) window.removeEventListener(name, noteActivity, { capture: true });
    };
  }, [minutes, enabled]);
}

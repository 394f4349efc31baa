/**
 * The FDA directory look-up behind a new drug's NDC field. Each answer is kept with the NDC text
 * it was asked for, so the panel shows only while the field still says that (a later edit hides
 * it, and a slow answer for an old text never shows against a new one). The same text is not
 * asked twice on leaving the field; the button asks again.
 */
import { useCallback, useRef, useState } from 'react';
import type { FdaPackageView } from '../../../shared/api/reference-channels';
import { ApiError, call } from '../api';

export type FdaLookup =
  | { query: string; state: 'looking' }
  | { query: string; state: 'found'; packages: FdaPackageView[]; directoryRelease: string | null }
  | { query: string; state: 'refused'; message: string };

export function useFdaLookup() {
  const [lookup, setLookup] = useState<FdaLookup | null>(null);
  const asked = useRef<string | null>(null);

  const lookUp = useCallback((text: string, again = false) => {
    const query = text.trim();
    if (query === '' || (!again && asked.current === query)) return;
    asked.current = query;
    setLookup({ query, state: 'looking' });
    call('reference:lookupNdc', { ndc: query }).then(
      (r) => {
        if (asked.current === query) setLookup({ query, state: 'found', ...r });
      },
      (err: unknown) => {
        if (asked.current !== query) return;
        const message = err instanceof ApiError || err instanceof Error ? err.message : String(err);
        setLookup({ query, state: 'refused', message });
      },
    );
  }, []);

  /** One package chosen (from the candidates, or "Did you mean"): the field now says its code. */
  const pin = useCallback((pkg: FdaPackageView, directoryRelease: string | null) => {
    asked.current = pkg.packageCode;
    setLookup({ query: pkg.packageCode, state: 'found', packages: [pkg], directoryRelease });
  }, []);

  return { lookup, lookUp, pin };
}

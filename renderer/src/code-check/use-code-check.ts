/**
 * The code check as the biller types (`reference:check`): asked ~300 ms after the last change,
 * once the NDC, the date of service and the code parse; the dose is sent when it parses, for the
 * units of the specific code. While a new answer is on its way the last one stays on screen, so
 * the callout does not blink with every digit of the dose.
 */
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call } from '../api';
import type { CodeCheckArgs } from './code-check-args';

export function useCodeCheck(args: CodeCheckArgs | null) {
  const [debounced] = useDebouncedValue(args, 300);
  return useQuery({
    queryKey: ['reference', 'check', debounced],
    queryFn: () => call('reference:check', debounced as CodeCheckArgs),
    enabled: debounced !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

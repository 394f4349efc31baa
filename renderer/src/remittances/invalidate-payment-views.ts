/**
 * What a payment write (an 835 imported, a line matched, a paper EOB posted or deleted) can change:
 * every cached view that shows remittances, payments or variance. One list, so no write forgets one.
 */
import type { QueryClient } from '@tanstack/react-query';

const PAYMENT_VIEWS = ['remittances', 'administrations', 'payments', 'variance', 'worklists', 'reports', 'home'];

export function invalidatePaymentViews(queryClient: QueryClient): void {
  for (const key of PAYMENT_VIEWS) void queryClient.invalidateQueries({ queryKey: [key] });
}

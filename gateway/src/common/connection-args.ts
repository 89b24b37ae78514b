import { badInput } from '@kern/messaging';

/** The contract's paging: `first` defaults to 20 and may not exceed 100. */
export function pageSize(first: number | null | undefined): number {
  if (first == null) return 20;
  if (!Number.isInteger(first) || first < 1 || first > 100)
    throw badInput('Invalid input: first: must be between 1 and 100', { field: 'first' });
  return first;
}

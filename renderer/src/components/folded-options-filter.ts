/**
 * The filter of every searchable select whose options are all in the page (suppliers, payers,
 * states): the same folding as the service's search (shared/domain/search-fold.ts), so "zoe"
 * finds "Zoë" and "lodz" finds "Łódź" here as in the lists. Set as the default of Select,
 * MultiSelect and Autocomplete in the theme; a select whose service already searched passes its
 * own filter.
 */
import { isOptionsGroup, type ComboboxItem, type ComboboxParsedItem, type OptionsFilter } from '@mantine/core';
import { foldedMatch } from '../../../shared/domain/search-fold';

export const foldedOptionsFilter: OptionsFilter = ({ options, search, limit }) => {
  const result: ComboboxParsedItem[] = [];
  for (const item of options) {
    if (result.length >= limit) break;
    if (isOptionsGroup(item)) {
      const items = foldedOptionsFilter({ options: item.items, search, limit: limit - result.length });
      if (items.length > 0)
        result.push({ group: item.group, items: items.filter((i): i is ComboboxItem => !isOptionsGroup(i)) });
    } else if (foldedMatch(item.label, search)) {
      result.push(item);
    }
  }
  return result;
};

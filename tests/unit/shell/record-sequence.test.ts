/**
 * J and K follow the list a record was opened from: record addresses are told from lists and
 * editors, a list's records are kept in the order shown, each once, and stored per list without
 * losing the others; a stored value that is not a list of addresses is ignored.
 */
import { describe, expect, it } from 'vitest';
import {
  neighbour,
  recordAddress,
  rememberedSequences,
  rememberSequences,
  sequencesFrom,
  type SequenceStore,
} from '../../../renderer/src/shell/record-sequence';

const memoryStore = (): SequenceStore & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
};

describe('recordAddress', () => {
  it('reads a record from a hash link or a path, with or without a query', () => {
    expect(recordAddress('#/administrations/12')).toEqual({ list: '/administrations', path: '/administrations/12' });
    expect(recordAddress('/invoices/7?tab=lines')).toEqual({ list: '/invoices', path: '/invoices/7' });
    expect(recordAddress('#/remittances/files/3')).toEqual({
      list: '/remittances/files',
      path: '/remittances/files/3',
    });
  });

  it('is null for lists, editors, new forms and other links', () => {
    for (const href of ['#/administrations', '#/administrations/new', '#/administrations/12/edit', '#/', '', null]) {
      expect(recordAddress(href)).toBeNull();
    }
    expect(recordAddress('https://example.com/x/1')).toBeNull();
  });
});

describe('sequencesFrom', () => {
  it('keeps each list’s records in page order, once, apart from the other lists', () => {
    const found = sequencesFrom([
      '#/administrations/9',
      '#/patients/4',
      '#/administrations/3',
      '#/administrations/9',
      '#/administrations/new',
      '#/administrations/5',
    ]);
    expect(found).toEqual({
      '/administrations': ['/administrations/9', '/administrations/3', '/administrations/5'],
      '/patients': ['/patients/4'],
    });
  });
});

describe('neighbour', () => {
  const seq = ['/administrations/9', '/administrations/3', '/administrations/5'];
  it('gives the next and the previous record', () => {
    expect(neighbour(seq, '/administrations/3', 1)).toBe('/administrations/5');
    expect(neighbour(seq, '/administrations/3', -1)).toBe('/administrations/9');
  });
  it('is null past either end and for a record not in the list', () => {
    expect(neighbour(seq, '/administrations/5', 1)).toBeNull();
    expect(neighbour(seq, '/administrations/9', -1)).toBeNull();
    expect(neighbour(seq, '/administrations/1', 1)).toBeNull();
  });
});

describe('remembered sequences', () => {
  it('replaces the list just seen and keeps the others', () => {
    const store = memoryStore();
    rememberSequences(store, { '/invoices': ['/invoices/1', '/invoices/2'] });
    rememberSequences(store, { '/administrations': ['/administrations/9', '/administrations/3'] });
    rememberSequences(store, { '/administrations': ['/administrations/3', '/administrations/5'] });
    expect(rememberedSequences(store)).toEqual({
      '/invoices': ['/invoices/1', '/invoices/2'],
      '/administrations': ['/administrations/3', '/administrations/5'],
    });
  });

  it('does not take a single link (a record page’s own links) for a list', () => {
    const store = memoryStore();
    rememberSequences(store, { '/administrations': ['/administrations/9', '/administrations/3'] });
    rememberSequences(store, { '/administrations': ['/administrations/3'], '/patients': ['/patients/4'] });
    expect(rememberedSequences(store)).toEqual({ '/administrations': ['/administrations/9', '/administrations/3'] });
  });

  it('ignores what is stored when it is not lists of addresses', () => {
    const store = memoryStore();
    store.data.set('j3490.recordSequences', 'not json');
    expect(rememberedSequences(store)).toEqual({});
    store.data.set('j3490.recordSequences', JSON.stringify({ '/a': ['/a/1', 2], '/b': ['/b/1', '/b/2'], '/c': 'x' }));
    expect(rememberedSequences(store)).toEqual({ '/b': ['/b/1', '/b/2'] });
  });
});

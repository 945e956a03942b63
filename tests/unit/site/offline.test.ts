import { describe, expect, it } from 'vitest';
import { formatBytes, offlineDecision } from '../../../src/lib/site/offline';

describe('offlineDecision', () => {
  it('precaches on an ordinary connection, or where the browser says nothing about it', () => {
    expect(offlineDecision({ saveData: false, effectiveType: '4g' }, null)).toBe('precache');
    expect(offlineDecision(undefined, null)).toBe('precache');
  });
  it('offers instead of precaching with Save-Data, on cellular and on 2G-class links', () => {
    expect(offlineDecision({ saveData: true, effectiveType: '4g' }, null)).toBe('offer');
    expect(offlineDecision({ type: 'cellular', effectiveType: '4g' }, null)).toBe('offer');
    expect(offlineDecision({ effectiveType: '2g' }, null)).toBe('offer');
    expect(offlineDecision({ effectiveType: 'slow-2g' }, null)).toBe('offer');
  });
  it('keeps a reader’s earlier "keep offline" choice whatever the connection', () => {
    expect(offlineDecision({ saveData: true }, 'yes')).toBe('precache');
  });
});

describe('formatBytes', () => {
  it('writes kB below a megabyte and MB with one decimal above', () => {
    expect(formatBytes(640 * 1024)).toBe('640 kB');
    expect(formatBytes(2_000_000)).toBe('1.9 MB');
  });
});

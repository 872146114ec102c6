import { describe, expect, it } from 'vitest';
import { buildZip } from '../../sim/index.ts';
import { DataError } from '../../src/errors.ts';
import { DEFAULT_ZIP_LIMITS, UnsafeArchiveError } from '../../src/github/zip-limits.ts';
import { safeEntryPath } from '../../src/github/zip-path.ts';
import { readZip } from '../../src/github/zip-reader.ts';

const all = () => true;

describe('safeEntryPath', () => {
  it.each([
    ['metrics.json', 'metrics.json'],
    ['model/./weights.bin', 'model/weights.bin'],
    ['../outside', null],
    ['model/../../etc/passwd', null],
    ['/etc/passwd', null],
    ['C:evil', null],
    ['model\\..\\evil', null],
    ['a\0b', null],
  ])('%j -> %j', (name, expected) => {
    expect(safeEntryPath(name)).toBe(expected);
  });
});

describe('readZip', () => {
  it('reads the wanted entries of a real archive', () => {
    const zip = buildZip([{ path: 'metrics.json', content: '{"auc":0.8}' }, { path: 'model/w.bin', content: 'xyz' }]);
    const files = readZip(zip, 'a', DEFAULT_ZIP_LIMITS, (p) => p === 'metrics.json');
    expect([...files.keys()]).toEqual(['metrics.json']);
    expect(files.get('metrics.json')!.toString()).toBe('{"auc":0.8}');
  });

  it('refuses a zip-slip entry even when it is not wanted', () => {
    const zip = buildZip([{ path: 'metrics.json', content: '{}' }, { path: '../../.github/workflows/evil.yml', content: 'x' }]);
    expect(() => readZip(zip, 'a', DEFAULT_ZIP_LIMITS, (p) => p === 'metrics.json')).toThrow(/outside the extraction folder/);
  });

  it('stops a zip bomb at the uncompressed limit whatever its headers claim', () => {
    const zip = buildZip([{ path: 'metrics.json', content: Buffer.alloc(8 * 1024 * 1024) }]);
    expect(zip.length).toBeLessThan(64 * 1024);
    expect(() => readZip(zip, 'a', { ...DEFAULT_ZIP_LIMITS, maxUncompressedBytes: 1024 * 1024 }, all)).toThrow(/zip bomb/);
  });

  it('refuses too many entries and too many compressed bytes', () => {
    const zip = buildZip(Array.from({ length: 20 }, (_, i) => ({ path: `f${i}`, content: 'x' })));
    expect(() => readZip(zip, 'a', { ...DEFAULT_ZIP_LIMITS, maxEntries: 10 }, all)).toThrow(/20 entries/);
    expect(() => readZip(zip, 'a', { ...DEFAULT_ZIP_LIMITS, maxCompressedBytes: 100 }, all)).toThrow(UnsafeArchiveError);
    const refused = (() => {
      try {
        return readZip(zip, 'a', { ...DEFAULT_ZIP_LIMITS, maxCompressedBytes: 100 }, all);
      } catch (error) {
        return error;
      }
    })();
    // A hostile artifact is bad input: exit 2 at the CLI, like any other unreadable file.
    expect(refused).toBeInstanceOf(DataError);
    expect(refused).toMatchObject({ name: 'UnsafeArchiveError', exitCode: 2, archive: 'a' });
  });

  it('refuses a corrupted entry (CRC-32) and a non-zip', () => {
    const zip = buildZip([{ path: 'metrics.json', content: '{"auc":0.8}' }]);
    zip.writeUInt32LE(0xdeadbeef, 14);
    zip.writeUInt32LE(0xdeadbeef, 30 + 'metrics.json'.length + zip.readUInt32LE(18) + 16);
    expect(() => readZip(zip, 'a', DEFAULT_ZIP_LIMITS, all)).toThrow(/CRC-32/);
    expect(() => readZip(Buffer.from('not a zip at all, just text'), 'a', DEFAULT_ZIP_LIMITS, all)).toThrow(/not a zip/);
  });
});

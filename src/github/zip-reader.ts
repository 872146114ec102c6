/**
 * A bounded zip reader for run artifacts: reads the central directory, refuses unsafe
 * entry names and too many entries, and inflates only the entries asked for, each
 * capped at the uncompressed bytes left (so a zip bomb's lying size fields do not
 * matter), with the CRC-32 checked. Nothing is written to disk; nothing is executed.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { UnsafeArchiveError, type ZipLimits } from './zip-limits.ts';
import { safeEntryPath } from './zip-path.ts';

interface CentralEntry {
  path: string;
  method: number;
  crc: number;
  compressedSize: number;
  localOffset: number;
  isDirectory: boolean;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEnd(zip: Buffer, archive: string): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 65_535); at--) {
    if (zip.readUInt32LE(at) === EOCD) return at;
  }
  throw new UnsafeArchiveError(archive, 'not a zip archive (no end of central directory)');
}

function readDirectory(zip: Buffer, archive: string, limits: ZipLimits): CentralEntry[] {
  const end = findEnd(zip, archive);
  const count = zip.readUInt16LE(end + 10);
  if (count > limits.maxEntries) throw new UnsafeArchiveError(archive, `${count} entries, more than the limit of ${limits.maxEntries}`);
  let at = zip.readUInt32LE(end + 16);
  const entries: CentralEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) throw new UnsafeArchiveError(archive, 'corrupt central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const raw = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const path = safeEntryPath(raw);
    if (path === null) throw new UnsafeArchiveError(archive, `entry ${JSON.stringify(raw)} would be written outside the extraction folder`);
    const unixMode = zip.readUInt32LE(at + 38) >>> 16;
    if ((unixMode & 0o170000) === 0o120000) throw new UnsafeArchiveError(archive, `entry ${JSON.stringify(raw)} is a symbolic link`);
    entries.push({ path, method: zip.readUInt16LE(at + 10), crc: zip.readUInt32LE(at + 16), compressedSize: zip.readUInt32LE(at + 20), localOffset: zip.readUInt32LE(at + 42), isDirectory: raw.endsWith('/') });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

function inflateEntry(zip: Buffer, entry: CentralEntry, archive: string, budget: number): Buffer {
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL) throw new UnsafeArchiveError(archive, `corrupt local header of ${entry.path}`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new UnsafeArchiveError(archive, `${entry.path} is truncated`);
  let out: Buffer;
  if (entry.method === 0) {
    if (data.length > budget) throw new UnsafeArchiveError(archive, `${entry.path} exceeds the uncompressed size limit`);
    out = data;
  } else if (entry.method === 8) {
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
    } catch (error) {
      const tooBig = error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      throw new UnsafeArchiveError(archive, tooBig ? `${entry.path} inflates beyond the uncompressed size limit (a zip bomb?)` : `${entry.path} does not inflate`);
    }
  } else throw new UnsafeArchiveError(archive, `${entry.path} uses compression method ${entry.method}`);
  if (crc32(out) !== entry.crc) throw new UnsafeArchiveError(archive, `${entry.path} fails its CRC-32 check`);
  return out;
}

/**
 * The entries of `zip` whose sanitised paths `wanted` accepts, as path to bytes. The
 * whole archive is checked (entry count, every name) before anything is inflated.
 */
export function readZip(zip: Buffer, archive: string, limits: ZipLimits, wanted: (path: string) => boolean): Map<string, Buffer> {
  if (zip.length > limits.maxCompressedBytes) throw new UnsafeArchiveError(archive, `${zip.length} bytes, more than the limit of ${limits.maxCompressedBytes}`);
  const entries = readDirectory(zip, archive, limits);
  const files = new Map<string, Buffer>();
  let left = limits.maxUncompressedBytes;
  for (const entry of entries) {
    if (entry.isDirectory || !wanted(entry.path)) continue;
    if (files.has(entry.path)) throw new UnsafeArchiveError(archive, `entry ${entry.path} appears twice`);
    const bytes = inflateEntry(zip, entry, archive, left);
    left -= bytes.length;
    files.set(entry.path, bytes);
  }
  return files;
}

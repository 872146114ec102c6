/**
 * Entry names of an archive, sanitised: an entry whose name is absolute, has a drive
 * letter, a backslash, a NUL, or a `..` segment could write outside the extraction
 * folder (zip-slip); such an archive is refused as a whole, never partially used.
 */
export function safeEntryPath(name: string): string | null {
  if (name.length === 0 || name.length > 1024) return null;
  if (name.includes('\\') || name.includes('\0')) return null;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return null;
  const parts = name.split('/');
  if (parts.some((part) => part === '..')) return null;
  return parts.filter((part) => part !== '' && part !== '.').join('/');
}

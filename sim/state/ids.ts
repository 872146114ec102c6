/**
 * Identity sources shared by every domain: one counter for numeric ids (GitHub ids are
 * unique per kind; one counter keeps them unique overall, which makes mix-ups visible)
 * and GraphQL-style node ids derived from them.
 */
export class IdSource {
  private last = 1000;

  next(): number {
    this.last += 1;
    return this.last;
  }
}

/** A node id shaped like GitHub's legacy ones: base64 of `<version>:<Type><id>`. */
export function nodeId(type: string, id: number | string): string {
  return Buffer.from(`04:${type}${id}`).toString('base64');
}

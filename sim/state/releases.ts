/**
 * Releases and their assets. Immutable releases (GitHub, October 2025): once published,
 * assets cannot be added or changed, and a tag once used by a published immutable
 * release can never be used again, even after the release is deleted.
 */
import type { SimUser } from './users.ts';

export interface ReleaseAsset {
  id: number;
  name: string;
  label: string | null;
  contentType: string;
  data: Buffer;
  /** `sha256:<hex>` of the uploaded bytes. */
  digest: string;
  uploader: SimUser;
  createdAt: string;
  updatedAt: string;
  downloadCount: number;
}

export interface Release {
  id: number;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  immutable: boolean;
  author: SimUser;
  createdAt: string;
  publishedAt: string | null;
  assets: ReleaseAsset[];
}

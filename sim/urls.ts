/** Where the simulator answers: the roots that URLs in its JSON answers start with. */
export interface SimUrls {
  /** The REST API root (Octokit's `baseUrl`). */
  api: string;
  /** The uploads root, standing in for https://uploads.github.com. */
  uploads: string;
  /** Web pages (`html_url`), which the simulator does not serve. */
  web: string;
}

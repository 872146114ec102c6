/** Users, organizations and bot accounts, and the personal tokens that act as them. */
import { IdSource } from './ids.ts';

export type AccountType = 'User' | 'Organization' | 'Bot';

export interface SimUser {
  id: number;
  login: string;
  type: AccountType;
  name: string | null;
  email: string | null;
  createdAt: string;
}

export class Users {
  private readonly byLogin = new Map<string, SimUser>();
  private readonly tokens = new Map<string, string>();

  constructor(private readonly ids: IdSource) {}

  add(input: { login: string; type?: AccountType; name?: string; email?: string; createdAt: string }): SimUser {
    const key = input.login.toLowerCase();
    const existing = this.byLogin.get(key);
    if (existing) return existing;
    const user: SimUser = {
      id: this.ids.next(),
      login: input.login,
      type: input.type ?? 'User',
      name: input.name ?? null,
      email: input.email ?? null,
      createdAt: input.createdAt,
    };
    this.byLogin.set(key, user);
    return user;
  }

  /** Logins are case-insensitive on GitHub. */
  find(login: string): SimUser | undefined {
    return this.byLogin.get(login.toLowerCase());
  }

  /**
   * The account a commit's email belongs to, as GitHub links commits to users: the
   * account's own email, or its `<id>+<login>@users.noreply.github.com` address.
   */
  byEmail(email: string): SimUser | undefined {
    const noreply = /^(\d+)\+([^@]+)@users\.noreply\.github\.com$/i.exec(email);
    if (noreply) {
      const user = this.find(noreply[2]!);
      return user && String(user.id) === noreply[1] ? user : undefined;
    }
    return [...this.byLogin.values()].find((user) => user.email !== null && user.email.toLowerCase() === email.toLowerCase());
  }

  addToken(token: string, login: string): void {
    this.tokens.set(token, login.toLowerCase());
  }

  byToken(token: string): SimUser | undefined {
    const login = this.tokens.get(token);
    return login === undefined ? undefined : this.byLogin.get(login);
  }
}

import pg from 'pg';

/** The server the PostgreSQL tests run against: a URL whose role may create databases. */
export const TEST_PG = process.env.NEWSGRAPH_TEST_PG?.trim() || undefined;

export const SKIP_PG = TEST_PG ? false : 'no PostgreSQL server: set NEWSGRAPH_TEST_PG=postgres://user@host:port/db (a role that may create databases) to run these tests';

/**
 * Fresh, empty databases on the test server, one per call, all dropped by `dropAll`: each test
 * starts from nothing, and nothing is left behind on the server.
 */
export class TestDatabases {
  private readonly made: string[] = [];
  private n = 0;

  constructor(private readonly url: string) {}

  async fresh(): Promise<string> {
    const name = `newsgraph_test_${process.pid}_${++this.n}`;
    await this.admin(`CREATE DATABASE "${name}"`);
    this.made.push(name);
    const u = new URL(this.url);
    u.pathname = `/${name}`;
    return u.toString();
  }

  async dropAll(): Promise<void> {
    for (const name of this.made.splice(0)) await this.admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }

  /** Drops one database `fresh` made (by its URL). */
  async drop(url: string): Promise<void> {
    const name = decodeURIComponent(new URL(url).pathname.slice(1));
    const i = this.made.indexOf(name);
    if (i < 0) return;
    this.made.splice(i, 1);
    await this.admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }

  private async admin(sql: string): Promise<void> {
    const c = new pg.Client({ connectionString: this.url });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  }
}

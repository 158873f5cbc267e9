/**
 * The URL of a test database from the environment, or undefined (the suite is skipped, with the reason
 * printed). With REQUIRE_SERVICES=1 a missing URL fails the file instead, so CI cannot skip silently.
 */
export function serviceUrl(variable: 'TEST_POSTGRES_URL' | 'TEST_MYSQL_URL', example: string): string | undefined {
  const url = process.env[variable];
  if (url) return url;
  if (process.env.REQUIRE_SERVICES === '1') {
    throw new Error(`${variable} is not set, but REQUIRE_SERVICES=1 requires these tests to run; set it, for example ${variable}=${example}`);
  }
  console.warn(`skipping these tests: ${variable} is not set (for example ${variable}=${example}; REQUIRE_SERVICES=1 makes this an error)`);
  return undefined;
}

/** The endpoint rule: `https`, or `http` only to this machine (the emulator, a local proxy). */

const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.test(hostname);
}

/** Returns the problem with an endpoint, or undefined when it is acceptable. */
export function endpointProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute URL such as "https://gaussdb.cn-north-4.myhuaweicloud.com"';
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return "must use https";
  }
  if (url.protocol === "http:" && !isLoopback(url.hostname)) {
    return "must use https; plain http is allowed only to loopback addresses (127.0.0.1, ::1, localhost)";
  }
  if (url.username || url.password) return "must not carry a user name or password; pass credentials as arguments";
  if (url.search || url.hash) return "must not have a query string or fragment";
  return undefined;
}

/** The endpoint without a trailing slash, so paths join cleanly. */
export function normalizeEndpoint(value: string): string {
  const url = new URL(value);
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, "")}`;
}

/**
 * Reads the raw request line's target: the path exactly as received (the signature covers it
 * as sent) and the query decoded strictly. Malformed percent-encoding is an error to report,
 * never a value to guess at.
 */
import type { QueryPairs } from "../sharedTypes";

export interface RequestTarget {
  /** The path as received, without the query string. */
  readonly rawPath: string;
  /** Path segments after the leading `/`, percent-decoded. */
  readonly segments: readonly string[];
  /** Query parameters in received order, decoded (`+` is a space, as form encoding and axios send it). */
  readonly query: QueryPairs;
}

/** An absolute-form target (`http://host/path`), which proxies send, is reduced to its path. */
const ABSOLUTE_FORM = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

/** The target of a request line; undefined when its percent-encoding is malformed. */
export function parseRequestTarget(url: string): RequestTarget | undefined {
  const target = url.replace(ABSOLUTE_FORM, "") || "/";
  const queryStart = target.indexOf("?");
  const rawPath = queryStart < 0 ? target : target.slice(0, queryStart);
  const rawQuery = queryStart < 0 ? "" : target.slice(queryStart + 1);
  const segments = decodeAll(rawPath.split("/").slice(1), strictDecode);
  const query = parseQuery(rawQuery);
  if (!segments || !query) return undefined;
  return { rawPath, segments, query };
}

function parseQuery(rawQuery: string): QueryPairs | undefined {
  const pairs: QueryPairs = [];
  for (const part of rawQuery.split("&")) {
    if (part === "") continue;
    const equals = part.indexOf("=");
    const key = decodeQueryComponent(equals < 0 ? part : part.slice(0, equals));
    const value = decodeQueryComponent(equals < 0 ? "" : part.slice(equals + 1));
    if (key === undefined || value === undefined) return undefined;
    pairs.push([key, value]);
  }
  return pairs;
}

function decodeAll(parts: string[], decode: (part: string) => string | undefined): string[] | undefined {
  const decoded: string[] = [];
  for (const part of parts) {
    const value = decode(part);
    if (value === undefined) return undefined;
    decoded.push(value);
  }
  return decoded;
}

function decodeQueryComponent(component: string): string | undefined {
  return strictDecode(component.replace(/\+/g, " "));
}

/** `decodeURIComponent` rejects both bad escapes (`%zz`) and escapes that are not UTF-8 (`%FF`). */
function strictDecode(text: string): string | undefined {
  if (!text.includes("%")) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * Server-provided text made safe to show in an error or a log line. A server or proxy may echo the
 * request's headers back in an error body, so every credential the client knows is removed, whole
 * or in part (a proxy may truncate what it echoes); the text is capped (an 8 MB `error_msg` is not
 * a message) and control characters are escaped, so it cannot forge log lines or colour a terminal.
 */

/** The longest server text quoted in an error. */
export const MAX_QUOTED_CHARS = 1_024;

/** A shared run this long is a piece of a secret, not chance; shorter secrets are matched whole. */
const FRAGMENT = 10;
/** The characters tokens, keys and signatures are made of: a redaction covers the whole run. */
const TOKEN_CHARACTER = /[A-Za-z0-9+/=_\-.%~]/;
/** Header-shaped echoes, whatever the value: `X-Auth-Token: ...`, `"Authorization":"..."`. */
const ECHOED_HEADER = /((?:authorization|x-auth-token|x-security-token|x-subject-token)["']?\s*[:=]\s*["']?)[^"'\r\n,;}]*/gi;
const SIGNATURE_PARTS = /\b(Signature|Access)=[^,\s"';]+/gi;
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export class Redactor {
  private constructor(
    /** Every FRAGMENT-long piece of every secret. */
    private readonly fragments: ReadonlySet<string>,
    /** Secrets shorter than a fragment, matched whole. */
    private readonly shortSecrets: readonly string[],
  ) {}

  static of(secrets: ReadonlyArray<string | undefined>): Redactor {
    // Stryker disable next-line ArrayDeclaration: one more short text to hide changes nothing unless it appears
    return new Redactor(new Set(), []).with(...secrets);
  }

  /** A redactor that also knows `more` (a request's own `Authorization` value, say). */
  with(...more: ReadonlyArray<string | undefined>): Redactor {
    const fragments = new Set(this.fragments);
    const shortSecrets = [...this.shortSecrets];
    for (const secret of more) {
      // Shorter than 4 characters is no credential; matching it would blank ordinary text.
      if (!secret || secret.length < 4) continue;
      if (secret.length < FRAGMENT) shortSecrets.push(secret);
      for (let i = 0; i + FRAGMENT <= secret.length; i++) fragments.add(secret.slice(i, i + FRAGMENT));
    }
    return new Redactor(fragments, shortSecrets);
  }

  /** `text` without any credential, at most `max` characters, on one line. */
  text(text: string, max = MAX_QUOTED_CHARS): string {
    // Cap first, so an 8 MB body costs what 1 KB does; a secret cut at the edge is still a fragment.
    let safe = text.length > max + 256 ? text.slice(0, max + 256) : text;
    safe = safe.replace(ECHOED_HEADER, "$1[redacted]").replace(SIGNATURE_PARTS, "$1=[redacted]");
    safe = this.withoutSecrets(safe);
    safe = safe.replace(UNSAFE_CHARACTERS, escapeCharacter);
    return safe.length > max ? `${safe.slice(0, max - 1)}…` : safe;
  }

  /** Replaces each run of token characters that shares a fragment with a secret. */
  private withoutSecrets(text: string): string {
    const hidden = new Uint8Array(text.length);
    // Stryker disable next-line BooleanLiteral: only a shortcut; rebuilding with nothing hidden gives the same text
    let found = false;
    const mark = (from: number, to: number) => {
      found = true;
      while (from > 0 && TOKEN_CHARACTER.test(text[from - 1])) from--;
      // Stryker disable next-line EqualityOperator: one step past the end reads undefined, and fill() stops at the end anyway
      while (to < text.length && TOKEN_CHARACTER.test(text[to])) to++;
      hidden.fill(1, from, to);
    };
    for (let i = 0; i + FRAGMENT <= text.length; i++) if (this.fragments.has(text.slice(i, i + FRAGMENT))) mark(i, i + FRAGMENT);
    for (const secret of this.shortSecrets) {
      for (let at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) mark(at, at + secret.length);
    }
    // Stryker disable next-line ConditionalExpression: a shortcut; rebuilding with nothing hidden gives the same text
    if (!found) return text;
    let result = "";
    for (let i = 0; i < text.length; i++) {
      if (!hidden[i]) result += text[i];
      else if (i === 0 || !hidden[i - 1]) result += "[redacted]";
    }
    return result;
  }
}

function escapeCharacter(c: string): string {
  if (c === "\n") return "\\n";
  if (c === "\r") return "\\r";
  if (c === "\t") return "\\t";
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

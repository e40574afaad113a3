/**
 * Request bodies of the write APIs: a JSON object, sent as `application/json` (a missing
 * `Content-Type` is tolerated, another one is refused), and the typed fields read from it. Size is
 * bounded before this point (413 past `MAX_BODY_BYTES`, in gateway/requestBody.ts). No body text
 * is ever echoed in an error.
 */
import { INSTANCE_ID_PATTERN } from "../../api/rules";
import { type Checked, invalidParameter } from "../replies/apiErrors";

export type JsonObject = Readonly<Record<string, unknown>>;

export function parseJsonObject(body: string, contentType: string | undefined): Checked<JsonObject> {
  if (contentType !== undefined && mediaType(contentType) !== "application/json") {
    return { failure: invalidParameter((m) => m.contentTypeNotJson(contentType)) };
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    value = undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { failure: invalidParameter((m) => m.bodyNotJsonObject()) };
  return { value: value as JsonObject };
}

/** A required string field (non-empty). */
export function requiredString(body: JsonObject, name: string): Checked<string> {
  const value = body[name];
  if (value === undefined || value === null || value === "") return { failure: invalidParameter((m) => m.missing(name)) };
  if (typeof value !== "string") return { failure: invalidParameter((m) => m.notAString(name)) };
  return { value };
}

/** A required instance id field: 36 letters or digits ending in `in07`. */
export function requiredInstanceId(body: JsonObject, name: string): Checked<string> {
  const text = requiredString(body, name);
  if ("failure" in text) return text;
  return INSTANCE_ID_PATTERN.test(text.value) ? text : { failure: invalidParameter((m) => m.instanceIdMalformed(name)) };
}

/** A required integer field >= 0 (a JSON number; numeric text is refused). */
export function requiredNonNegativeInteger(body: JsonObject, name: string): Checked<number> {
  const value = body[name];
  if (value === undefined || value === null) return { failure: invalidParameter((m) => m.missing(name)) };
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0)
    return { failure: invalidParameter((m) => m.notAnIntegerValue(name)) };
  return { value };
}

/** `application/json;charset=UTF-8` → `application/json`. */
function mediaType(contentType: string): string {
  return contentType.split(";")[0].trim().toLowerCase();
}

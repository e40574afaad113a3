/**
 * Every error message the emulator writes, in the two languages `X-Language` selects
 * (`en-us`, the default, and `zh-cn`). Messages never contain credentials.
 */
import type { PasswordProblem } from "../../api/instanceRules";
import type { Language } from "../../api/rules";

export interface Messages {
  // Authentication (API gateway).
  authMissing(): string;
  tokenInvalid(): string;
  authorizationMalformed(): string;
  accessKeyUnknown(): string;
  accessKeyLocked(minutesLeft: number): string;
  headerNotSigned(name: string): string;
  signedHeaderAbsent(name: string): string;
  sdkDateMalformed(): string;
  sdkDateSkewed(maxSeconds: number): string;
  signatureMismatch(): string;
  securityTokenInvalid(): string;
  projectHeaderMismatch(): string;
  // Parameters (TaurusDB).
  notAnInteger(name: string, value: string): string;
  outOfRange(name: string, value: string, min: number, max?: number): string;
  notOneOf(name: string, value: string, allowed: readonly string[]): string;
  repeated(name: string): string;
  requiresCompanion(name: string, companion: string): string;
  notTogether(name: string, other: string): string;
  projectIdMalformed(): string;
  instanceIdMalformed(name: string): string;
  notADate(name: string, value: string): string;
  startAfterEnd(start: string, end: string): string;
  // Request bodies (TaurusDB).
  contentTypeNotJson(contentType: string): string;
  bodyNotJsonObject(): string;
  missing(name: string): string;
  notAString(name: string): string;
  notAnIntegerValue(name: string): string;
  // Restores and passwords (TaurusDB).
  backupNotFound(): string;
  backupOfAnotherInstance(): string;
  backupNotCompleted(status: string): string;
  restoreTimeNotRestorable(): string;
  passwordInvalid(problem: PasswordProblem): string;
  // Lookups and conflicts.
  projectNotAccessible(): string;
  instanceNotFound(): string;
  jobNotFound(): string;
  instanceBusy(status: string): string;
  // Gateway and transport.
  apiNotFound(): string;
  methodNotAllowed(method: string, allowed: string): string;
  malformedEncoding(): string;
  uriTooLong(maxLength: number): string;
  headersTooLarge(): string;
  bodyTooLarge(maxBytes: number): string;
  badRequest(): string;
  throttled(): string;
  serverFailure(): string;
  backendUnavailable(): string;
  backendTimeout(): string;
}

const english: Messages = {
  authMissing: () => "Incorrect IAM authentication information: the request has neither X-Auth-Token nor Authorization.",
  tokenInvalid: () => "Incorrect IAM authentication information: the token is invalid or has expired.",
  authorizationMalformed: () =>
    "Incorrect IAM authentication information: Authorization must be 'SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...'.",
  accessKeyUnknown: () => "Incorrect IAM authentication information: the access key does not exist.",
  accessKeyLocked: (minutes) =>
    `Incorrect IAM authentication information: the access key is locked after too many failed signatures; try again in ${minutes} minute(s).`,
  headerNotSigned: (name) => `Incorrect IAM authentication information: header ${name} must be signed, but it is not in SignedHeaders.`,
  signedHeaderAbsent: (name) => `Incorrect IAM authentication information: signed header ${name} is not in the request.`,
  sdkDateMalformed: () => "Incorrect IAM authentication information: X-Sdk-Date must be YYYYMMDDTHHMMSSZ.",
  sdkDateSkewed: (max) =>
    `Incorrect IAM authentication information: X-Sdk-Date is more than ${max} seconds away from the server time; check the local clock.`,
  signatureMismatch: () => "Incorrect IAM authentication information: verify aksk signature fail.",
  securityTokenInvalid: () => "Incorrect IAM authentication information: a temporary access key needs its valid X-Security-Token.",
  projectHeaderMismatch: () => "Incorrect IAM authentication information: X-Project-Id does not match the project in the request path.",
  notAnInteger: (name, value) => `Invalid parameter ${name}: ${quote(value)} is not an integer.`,
  outOfRange: (name, value, min, max) =>
    max === undefined
      ? `Invalid parameter ${name}: ${quote(value)} must be at least ${min}.`
      : `Invalid parameter ${name}: ${quote(value)} must be between ${min} and ${max}.`,
  notOneOf: (name, value, allowed) => `Invalid parameter ${name}: ${quote(value)} is not one of ${allowed.join(", ")}.`,
  repeated: (name) => `Invalid parameter ${name}: it is given more than once.`,
  requiresCompanion: (name, companion) => `Invalid parameter ${name}: it requires ${companion}.`,
  notTogether: (name, other) => `Invalid parameter ${name}: it cannot be given together with ${other}.`,
  projectIdMalformed: () => "Invalid parameter project_id: it must be 32 letters or digits.",
  instanceIdMalformed: (name) => `Invalid parameter ${name}: it must be 36 letters or digits ending in in07.`,
  notADate: (name, value) => `Invalid parameter ${name}: ${quote(value)} is not a date of the form yyyy-mm-dd.`,
  startAfterEnd: (start, end) => `Invalid parameter ${start}: it must not be later than ${end}.`,
  contentTypeNotJson: (type) => `Invalid request: Content-Type must be application/json, got ${quote(type)}.`,
  bodyNotJsonObject: () => "Invalid request body: it must be a JSON object.",
  missing: (name) => `Invalid parameter ${name}: it is required.`,
  notAString: (name) => `Invalid parameter ${name}: it must be a string.`,
  notAnIntegerValue: (name) => `Invalid parameter ${name}: it must be an integer.`,
  backupNotFound: () => "Invalid parameter backup_id: the backup does not exist.",
  backupOfAnotherInstance: () => "Invalid parameter backup_id: the backup does not belong to the source instance.",
  backupNotCompleted: (status) => `Invalid parameter backup_id: only a COMPLETED backup can be restored, and this one is ${status}.`,
  restoreTimeNotRestorable: () => "Invalid parameter restore_time: it is outside the restorable time ranges of the source instance.",
  passwordInvalid: (problem) =>
    problem === "length"
      ? "Invalid parameter password: it must be 8 to 32 characters long."
      : problem === "character"
        ? "Invalid parameter password: it may contain only letters, digits and the special characters ~!@#$%^*-_=+?,()&|."
        : "Invalid parameter password: it must contain at least three of upper-case letters, lower-case letters, digits and special characters.",
  projectNotAccessible: () => "The project does not exist or the operation is not authorized.",
  instanceNotFound: () => "The DB instance does not exist.",
  jobNotFound: () => "Parameter error: the job does not exist.",
  instanceBusy: (status) =>
    `Another operation is being performed on the DB instance or the DB instance is faulty (status ${status}). Try again later.`,
  apiNotFound: () => "The API does not exist or has not been published in the environment.",
  methodNotAllowed: (method, allowed) => `Method ${method} is not allowed on this API; use ${allowed}.`,
  malformedEncoding: () => "The request URL contains malformed percent-encoding.",
  uriTooLong: (max) => `The request URI is longer than ${max} characters.`,
  headersTooLarge: () => "The request headers are too large.",
  bodyTooLarge: (max) => `The request body is larger than ${max} bytes.`,
  badRequest: () => "The request is not valid HTTP.",
  throttled: () => "The API is throttled: too many requests. Retry later.",
  serverFailure: () => "Server failure.",
  backendUnavailable: () => "The backend service is unavailable.",
  backendTimeout: () => "The backend service timed out.",
};

const chinese: Messages = {
  authMissing: () => "IAM认证信息错误:请求中既没有X-Auth-Token也没有Authorization。",
  tokenInvalid: () => "IAM认证信息错误:Token无效或已过期。",
  authorizationMalformed: () => "IAM认证信息错误:Authorization的格式应为'SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...'。",
  accessKeyUnknown: () => "IAM认证信息错误:访问密钥不存在。",
  accessKeyLocked: (minutes) => `IAM认证信息错误:签名连续失败次数过多,访问密钥已被锁定,请在${minutes}分钟后重试。`,
  headerNotSigned: (name) => `IAM认证信息错误:请求头${name}必须参与签名,但不在SignedHeaders中。`,
  signedHeaderAbsent: (name) => `IAM认证信息错误:签名头${name}不在请求中。`,
  sdkDateMalformed: () => "IAM认证信息错误:X-Sdk-Date的格式应为YYYYMMDDTHHMMSSZ。",
  sdkDateSkewed: (max) => `IAM认证信息错误:X-Sdk-Date与服务器时间相差超过${max}秒,请检查本地时钟。`,
  signatureMismatch: () => "IAM认证信息错误:AK/SK签名校验失败。",
  securityTokenInvalid: () => "IAM认证信息错误:临时访问密钥需要有效的X-Security-Token。",
  projectHeaderMismatch: () => "IAM认证信息错误:X-Project-Id与请求路径中的项目ID不一致。",
  notAnInteger: (name, value) => `参数${name}无效:${quote(value)}不是整数。`,
  outOfRange: (name, value, min, max) =>
    max === undefined ? `参数${name}无效:${quote(value)}不能小于${min}。` : `参数${name}无效:${quote(value)}必须在${min}到${max}之间。`,
  notOneOf: (name, value, allowed) => `参数${name}无效:${quote(value)}不在取值范围(${allowed.join("、")})内。`,
  repeated: (name) => `参数${name}无效:该参数重复出现。`,
  requiresCompanion: (name, companion) => `参数${name}无效:需要同时指定${companion}。`,
  notTogether: (name, other) => `参数${name}无效:不能与${other}同时指定。`,
  projectIdMalformed: () => "参数project_id无效:只能由英文字母、数字组成,且长度为32个字符。",
  instanceIdMalformed: (name) => `参数${name}无效:只能由英文字母、数字组成,后缀为in07,长度为36个字符。`,
  notADate: (name, value) => `参数${name}无效:${quote(value)}不是yyyy-mm-dd格式的日期。`,
  startAfterEnd: (start, end) => `参数${start}无效:不能晚于${end}。`,
  contentTypeNotJson: (type) => `请求无效:Content-Type必须为application/json,实际为${quote(type)}。`,
  bodyNotJsonObject: () => "请求体无效:必须是JSON对象。",
  missing: (name) => `参数${name}无效:该参数必填。`,
  notAString: (name) => `参数${name}无效:必须是字符串。`,
  notAnIntegerValue: (name) => `参数${name}无效:必须是整数。`,
  backupNotFound: () => "参数backup_id无效:备份不存在。",
  backupOfAnotherInstance: () => "参数backup_id无效:备份不属于源实例。",
  backupNotCompleted: (status) => `参数backup_id无效:只能使用状态为COMPLETED的备份恢复,该备份状态为${status}。`,
  restoreTimeNotRestorable: () => "参数restore_time无效:不在源实例的可恢复时间段内。",
  passwordInvalid: (problem) =>
    problem === "length"
      ? "参数password无效:长度必须为8~32个字符。"
      : problem === "character"
        ? "参数password无效:只能包含字母、数字和特殊字符~!@#$%^*-_=+?,()&|.。"
        : "参数password无效:至少包含大写字母、小写字母、数字和特殊字符中的三种。",
  projectNotAccessible: () => "项目不存在或操作越权。",
  instanceNotFound: () => "实例不存在。",
  jobNotFound: () => "参数错误:任务不存在。",
  instanceBusy: (status) => `实例正在进行其他操作或实例状态异常(状态:${status}),请稍后重试。`,
  apiNotFound: () => "API不存在或未发布到环境。",
  methodNotAllowed: (method, allowed) => `此API不支持${method}方法,请使用${allowed}。`,
  malformedEncoding: () => "请求URL中的百分号编码格式错误。",
  uriTooLong: (max) => `请求URI超过${max}个字符。`,
  headersTooLarge: () => "请求头过大。",
  bodyTooLarge: (max) => `请求体超过${max}字节。`,
  badRequest: () => "请求不是有效的HTTP请求。",
  throttled: () => "API已被流控:请求过多,请稍后重试。",
  serverFailure: () => "服务器错误。",
  backendUnavailable: () => "后端服务不可用。",
  backendTimeout: () => "后端服务超时。",
};

/** `zh-cn` (any case) selects Chinese; anything else, or nothing, English. */
export function languageOf(header: string | string[] | undefined): Language {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.trim().toLowerCase() === "zh-cn" ? "zh-cn" : "en-us";
}

export function messagesFor(language: Language): Messages {
  return language === "zh-cn" ? chinese : english;
}

/** Echoed values are shortened so a huge query cannot make a huge error body. */
function quote(value: string): string {
  const shown = value.length > 64 ? `${value.slice(0, 64)}…` : value;
  return JSON.stringify(shown);
}

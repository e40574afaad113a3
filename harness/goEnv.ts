/**
 * The environment of the harness's Go commands: static binaries (no C toolchain needed). A Go
 * module that asks for a newer Go than this machine's is built with `GOTOOLCHAIN` set by the
 * caller (for example `export GOTOOLCHAIN=go1.27.3`, which the Go module proxy serves).
 */
export function goEnv(): NodeJS.ProcessEnv {
  return { ...process.env, CGO_ENABLED: "0" };
}

#!/bin/sh
# Restores TARGET_INSTANCE_ID from BACKUP_ID (a backup of SOURCE_INSTANCE_ID), waits for the job,
# then resets the target's admin password. Uses the TaurusDB API with an IAM token (X-Auth-Token).
# Every input comes from the environment; nothing secret is printed.
set -eu

api="${TAURUSDB_ENDPOINT%/}/v3/${TAURUSDB_PROJECT_ID}"
call() { # method path; a JSON body, if any, on stdin (never on the command line, where ps shows it)
  curl --silent --show-error --fail-with-body --max-time 60 -X "$1" "${api}$2" \
    -H "X-Auth-Token: ${TAURUSDB_AUTH_TOKEN}" -H "Content-Type: application/json" ${3:+--data-binary @-}
}

job=$(printf '{"source_instance_id":"%s","target_instance_id":"%s","type":"backup","backup_id":"%s"}' \
  "$SOURCE_INSTANCE_ID" "$TARGET_INSTANCE_ID" "$BACKUP_ID" | call POST /instances/restore body |
  sed -n 's/.*"job_id"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')
[ -n "$job" ] || { echo "the restore API returned no job_id" >&2; exit 1; }
echo "restore job ${job} started from backup ${BACKUP_ID}" >&2

poll="${RESTORE_POLL_SECONDS:-10}"
for _ in $(seq 1 360); do # 360 polls: an hour at the default interval
  status=$(call GET "/jobs?id=${job}" | sed -n 's/.*"status"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')
  case "$status" in
    Completed) break ;;
    Failed) echo "restore job ${job} failed" >&2; exit 1 ;;
    *) sleep "$poll" ;;
  esac
done
[ "${status:-}" = "Completed" ] || { echo "restore job ${job} did not finish after 360 polls" >&2; exit 1; }

# The generated password uses no quote or backslash, so it is JSON as is.
printf '{"password":"%s"}' "$NEW_ADMIN_PASSWORD" | call POST "/instances/${TARGET_INSTANCE_ID}/password" body >/dev/null
echo "$job"

"""An inline Automation API program in Python that uses the generated SDK (pulumi_taurusdb): the
newest COMPLETED backup through get_instance_backups_output, and one pinned by LatestCompletedBackup.

Run by tests/e2e/pythonProgram.test.ts. Parameters arrive as JSON on stdin (where the engine, the
Pulumi home, the workspace and the backend are, the stack config, the actions to run); the engine's
output goes to stderr, and one line `RESULT <json>` with what each action returned to stdout.
"""
import json
import sys

import pulumi
import pulumi_taurusdb as taurusdb
from pulumi import automation as auto


def program() -> None:
    config = pulumi.Config()
    instance_id = config.require("instanceId")
    listing = taurusdb.get_instance_backups_output(instance_id=instance_id)
    pinned = taurusdb.LatestCompletedBackup(
        "pinned",
        instance_id=instance_id,
        keepers={"restore": config.require("restoreGeneration")},
    )
    pulumi.export("newestCompletedBackupId", listing.latest_completed_backup_id)
    pulumi.export("backupCount", listing.total_count)
    pulumi.export("pinnedBackupId", pinned.backup_id)
    pulumi.export("pinnedStatus", pinned.backup.status)


def log(text: str) -> None:
    sys.stderr.write(text)


def run(stack: auto.Stack, action: str) -> dict:
    if action == "up":
        result = stack.up(on_output=log)
        return {"outputs": {k: v.value for k, v in result.outputs.items()}, "changes": result.summary.resource_changes}
    if action == "preview":
        return {"changes": stack.preview(on_output=log).change_summary}
    if action == "refresh":
        return {"changes": stack.refresh(on_output=log).summary.resource_changes}
    if action == "destroy":
        return {"changes": stack.destroy(on_output=log).summary.resource_changes}
    raise ValueError(f"unknown action {action!r}")


def main() -> None:
    params = json.load(sys.stdin)
    stack = auto.create_or_select_stack(
        stack_name="dev",
        project_name=params["project"],
        program=program,
        opts=auto.LocalWorkspaceOptions(
            work_dir=params["workDir"],
            pulumi_home=params["pulumiHome"],
            pulumi_command=auto.PulumiCommand(root=params["engineRoot"], skip_version_check=True),
            secrets_provider="passphrase",
            project_settings=auto.ProjectSettings(
                name=params["project"], runtime="python", backend=auto.ProjectBackend(url=params["backendUrl"])
            ),
            env_vars=params["env"],
        ),
    )
    stack.set_all_config(
        {key: auto.ConfigValue(value=entry["value"], secret=entry.get("secret", False)) for key, entry in params["config"].items()}
    )
    results = [{"action": action, **run(stack, action)} for action in params["actions"]]
    print("RESULT " + json.dumps(results))


if __name__ == "__main__":
    main()

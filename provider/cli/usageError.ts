/** A command line the tool cannot run: an unknown command or flag, or a flag without its value. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose `--help` to point at, when one was recognised. */
    readonly command?: string,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

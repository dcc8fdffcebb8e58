/** An input the CLI cannot read: exit code 2, with a message that names the file and the reason. */
export class CliError extends Error {}

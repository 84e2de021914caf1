/** A bad command line: the message is shown with the usage text's hint; exit code 2. */
export class UsageError extends Error {}

/** A file that cannot be read or understood: the message names the file and the problem; exit code 2. */
export class InputError extends Error {}

/** A bad command line: the message is shown with the usage text's hint; exit code 2. */
export class UsageError extends Error {}

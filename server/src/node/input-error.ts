/** A file that cannot be read or understood: the message names the file and the problem (the CLI exits with 2). */
export class InputError extends Error {}

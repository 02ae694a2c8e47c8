/**
 * The one error type of the input readers. It names the input (a file path, "path:line" for one
 * line of an NDJSON file, "path[i]" for one element of a JSON array, or "-" for stdin) and a short
 * reason, so a caller can print it as is: `[input] a.json: invalid JSON at line 3 column 5`.
 * Every InputError is permanent: reading the same bytes again gives the same error.
 */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    /** The file path, "path:lineNo", "path[index]", or "-" for stdin. */
    readonly input: string,
    /** Short reason, e.g. "empty file", "not UTF-8 (invalid byte sequence at offset 120)". */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`[input] ${input}: ${reason}`, options);
  }
}

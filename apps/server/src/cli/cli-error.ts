/** A refusal to show the operator as one line, without a stack trace. */
export class CliError extends Error {
  override name = 'CliError'
}

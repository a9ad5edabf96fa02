/**
 * The Logger port: structured lines for the host's log (stdout locally, the function log in the
 * cloud). Its adapters live with the other defaults in ../deps.
 */
export interface Logger {
  info(msg: string, extra?: Record<string, unknown>): void;
  error(msg: string, extra?: Record<string, unknown>): void;
}

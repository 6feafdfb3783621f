/** What a report says about the run that produced the history; every field is optional. */
export interface TestInfo {
  /** Test name, e.g. `mydb-register`; also the JUnit suite name. */
  name?: string;
  /** Database under test, e.g. `mydb`. */
  system?: string;
  /** Its version as read from the nodes. */
  version?: string;
  nodes?: string[];
  workload?: string;
  /** Nemesis name or schedule, e.g. `partition,kill`. */
  nemesis?: string;
  seed?: number | string;
  /** Where the nodes ran: `docker` or `ssh`. */
  platform?: string;
  /** Client worker count; timeline lanes are `process mod concurrency` when given. */
  concurrency?: number;
  /** The exact command line that reproduces the run. */
  command?: string;
  /** ISO 8601 wall-clock times. */
  startTime?: string;
  endTime?: string;
  /** Anything else worth showing (rendered as key/value rows). */
  extra?: Record<string, string | number | boolean>;
}

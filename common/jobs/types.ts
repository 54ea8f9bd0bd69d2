/** HQ's view of the scheduled jobs (系统 → 任务): how often each runs and its last run, whichever instance ran it. */
export interface JobStatusDto {
  name: string;
  intervalMs: number;
  /** Null until the job has run once under a lease. */
  lastStartedAt: string | null;
  lastMs: number | null;
  lastHolder: string | null;
  lastError: string | null;
  /** The run's answer as JSON (cut to 300 characters). */
  lastResult: string | null;
  /** Held by a running instance until this instant (null: free). */
  leasedUntil: string | null;
}

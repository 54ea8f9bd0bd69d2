/**
 * Where a benchmark's CPU goes, per process group, from /proc (Linux only; elsewhere the meter
 * reads nothing and prints nothing): the API process with its cluster workers, the database
 * server when it runs on this machine, and the bench process itself (the load generator and, in
 * bare runs, the mysql2 client). Divided by the orders a phase made, it says how many CPU
 * milliseconds each order costs each party, and so the highest rate the machine's cores allow.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

export interface CpuTimes {
  /** CPU ms (user + system) used so far by each group; null when it cannot be read here. */
  api: number | null;
  db: number | null;
  bench: number;
}

/** Kernel clock ticks per second for /proc/<pid>/stat; 100 on every Linux build this runs on. */
const TICKS = 100;

function procCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at state, field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
  } catch {
    return null;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** The API's process tree: the primary and its workers (a worker that exited takes its time with it). */
function treeMs(pid: number): number | null {
  const own = procCpuMs(pid);
  if (own === null) return null;
  return childrenOf(pid).reduce((sum, child) => sum + (treeMs(child) ?? 0), own);
}

function databasePid(): number | null {
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
        if (comm === 'mariadbd' || comm === 'mysqld') return Number(entry);
      } catch {
        // gone meanwhile
      }
    }
  } catch {
    // no /proc
  }
  return null;
}

export function cpuMeter(apiPid: number): { read(): CpuTimes } {
  const db = databasePid();
  return {
    read: () => {
      const own = process.cpuUsage();
      return { api: treeMs(apiPid), db: db === null ? null : procCpuMs(db), bench: (own.user + own.system) / 1000 };
    },
  };
}

/**
 * Waits until the API has been quiet (under 5 ms of CPU per 250 ms) for half a second, at most
 * `maxMs`, and answers the CPU ms it used meanwhile: work a burst left behind after its last
 * answer (garbage collection, after-commit work). The next phase then does not share the cores
 * with it, and the figure is printed beside the burst's own.
 */
export async function settle(meter: { read(): CpuTimes }, maxMs = 5000): Promise<number | null> {
  const start = meter.read().api;
  if (start === null) return null;
  let last = start;
  let quiet = 0;
  for (let waited = 0; waited < maxMs && quiet < 2; waited += 250) {
    await new Promise((r) => setTimeout(r, 250));
    const now = meter.read().api ?? last;
    quiet = now - last < 5 ? quiet + 1 : 0;
    last = now;
  }
  return last - start;
}

/**
 * "CPU per request: API 2.10 ms, database 1.30 ms, bench 0.90 ms; all 4.30 ms = at most 465
 * requests/s on 2 cores (this run: 300/s, 0.65 of that)". A run near that ceiling is bound by the
 * machine's cores; well below it, by waiting (locks, round trips, fsync).
 */
export function cpuLine(before: CpuTimes, after: CpuTimes, requests: number, ms: number): string | null {
  if (!requests || before.db === null || after.db === null) return null;
  const per = (a: number | null, b: number | null) => (a === null || b === null ? null : (b - a) / requests);
  const parts: [string, number | null][] = [
    ['API', per(before.api, after.api)],
    ['database', per(before.db, after.db)],
    ['bench', per(before.bench, after.bench)],
  ];
  const all = parts.reduce((s, [, v]) => s + (v ?? 0), 0);
  const cores = os.availableParallelism();
  const ceiling = (cores * 1000) / all;
  const rate = requests / (ms / 1000);
  const shown = parts.filter(([, v]) => v !== null).map(([k, v]) => `${k} ${v!.toFixed(2)} ms`);
  return `  CPU per request: ${shown.join(', ')}; all ${all.toFixed(2)} ms = at most ${Math.round(ceiling)} requests/s on ${cores} cores (this run: ${Math.round(rate)}/s, ${(rate / ceiling).toFixed(2)} of that)`;
}

/**
 * Keeps, for each host identity and Handover query, the newest answer only: a results log holds
 * every run since it was last rotated, and a computer's state is its latest answer (rows from
 * before a product was removed must not outlive the answer that no longer has them). The event
 * format writes one line per row of a snapshot (osquery/core/query.cpp
 * serializeQueryLogItemAsEvents, with --logger_snapshot_event_type): lines of the same run are
 * put back together by their run key. Memory is one answer per host and query, whatever the
 * length of the log.
 */
import type { HostNames, OsqueryAnswer, OsqueryRow } from './osquery-answer';

interface Kept {
  answer: OsqueryAnswer;
  run: string;
  rows: OsqueryRow[];
  order: number;
}

export function identityKey(host: HostNames): string {
  return JSON.stringify([host.uuid ?? '', host.fleetHostId ?? '', host.identifier ?? '']);
}

export class AnswerStore {
  private readonly kept = new Map<string, Kept>();
  private count = 0;

  /**
   * Offers an answer. `run` names the run it belongs to (several event lines of one snapshot
   * share it); an answer of the same run adds its rows, a newer one replaces, an older one is
   * dropped. At the same time, the later in the file wins.
   */
  add(answer: OsqueryAnswer, run = `answer ${this.count}`): void {
    this.count += 1;
    const key = `${identityKey(answer.host)}|${answer.query.name}`;
    const kept = this.kept.get(key);
    if (kept && kept.run === run) {
      kept.rows.push(...answer.rows);
      return;
    }
    if (kept && answer.at < kept.answer.at) return;
    this.kept.set(key, { answer, run, rows: [...answer.rows], order: this.count });
  }

  /** The newest answers, in the order they were first kept. */
  answers(): OsqueryAnswer[] {
    return [...this.kept.values()]
      .sort((a, b) => a.order - b.order)
      .map((k) => ({ ...k.answer, rows: k.rows }));
  }
}

import type { Op } from '../core/op.js';
import type { Clock } from './clock.js';
import { observePrimaries, withPrimaries } from './record-primaries.js';
import type { RunScope } from './run-scope.js';
import { errorText } from './validate-client.js';

/**
 * The nemesis's teardown at the end of the run, recorded as the stop op of every fault still
 * active (invoke, then an info completion marked `healedBy: 'teardown'`), so reports close them.
 */
export async function healFaults(run: RunScope, clock: Clock): Promise<void> {
  const { nemesis, recorder, spec } = run;
  const ctx = run.ctx.peek();
  if (!nemesis || !ctx) return;
  const active = run.tracker.current();
  const invokes: Op[] = active.map((k) =>
    recorder.record({ type: 'invoke', process: 'nemesis', f: k.stop.f, value: k.stop.value, time: clock() }),
  );
  run.log(active.length ? `healing: ${active.map((k) => k.name).join(', ')}` : 'healing');
  let error: string | undefined;
  try {
    await nemesis.teardown(ctx);
  } catch (e) {
    error = errorText(e);
    throw e;
  } finally {
    const seen = invokes.length > 0 ? await observePrimaries(spec.system, ctx) : undefined;
    for (const inv of invokes) {
      const event: Omit<Op, 'index'> = {
        type: 'info',
        process: 'nemesis',
        f: inv.f,
        value: seen ? withPrimaries(inv.value, seen) : inv.value,
        time: clock(),
      };
      event['healedBy'] = 'teardown';
      if (error !== undefined) event.error = error;
      recorder.record(event);
    }
  }
}

import { describe, expect, it } from 'vitest';
import { reportAxis } from '../../../reports/report-axis.js';
import { history, invoke, nemesis, ok } from '../../support/history.js';

const at = (...times: number[]) =>
  history(...times.map((time, i) => ({ ...(i % 2 ? ok(0, 'write', 1) : invoke(0, 'write', 1)), time })));

describe('reportAxis', () => {
  it('draws by time when events have different times', () => {
    expect(reportAxis(at(0, 5))).toBe('time');
    expect(reportAxis(at(0, 0, 0, 1))).toBe('time');
  });

  it('draws by op index when every event has time 0, or all the same time', () => {
    expect(reportAxis(at(0, 0, 0, 0))).toBe('index');
    expect(reportAxis(at(7e9, 7e9))).toBe('index');
    expect(reportAxis(at(0))).toBe('index');
  });

  it('counts nemesis events too', () => {
    const h = history({ ...invoke(0, 'read'), time: 0 }, { ...nemesis('kill', ['n1']), time: 3e6 });
    expect(reportAxis(h)).toBe('time');
  });

  it('keeps the time axis for an empty history', () => {
    expect(reportAxis(history())).toBe('time');
  });
});

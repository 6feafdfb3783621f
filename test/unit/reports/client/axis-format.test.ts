import { describe, expect, it } from 'vitest';
import { axisFormat, formatTime, timeTick } from '../../../../reports/client/axis-format.js';

describe('formatTime', () => {
  it('writes ms as µs, ms, s or min by size', () => {
    expect(formatTime(0)).toBe('0');
    expect(formatTime(0.35)).toBe('350 µs');
    expect(formatTime(2.5)).toBe('2.50 ms');
    expect(formatTime(12)).toBe('12 ms');
    expect(formatTime(3200)).toBe('3.20 s');
    expect(formatTime(45_000)).toBe('45.0 s');
    expect(formatTime(240_000)).toBe('4.0 min');
  });
});

describe('timeTick', () => {
  it('uses the unit and decimals the tick step needs', () => {
    expect(timeTick(0, 1)).toBe('0');
    expect(timeTick(2000, 1000)).toBe('2 s');
    expect(timeTick(2500, 500)).toBe('2500 ms');
    expect(timeTick(1.5, 0.5)).toBe('1500 µs');
    expect(timeTick(3, 1)).toBe('3 ms');
    expect(timeTick(0.25, 0.05)).toBe('250 µs');
    expect(timeTick(0.0125, 0.0005)).toBe('12.5 µs');
  });
});

describe('axisFormat', () => {
  it('on the time axis: times, no x title, ops/s', () => {
    const f = axisFormat('time');
    expect(f.title).toBe('');
    expect(f.at(2.5)).toBe('2.50 ms');
    expect(f.span(0.6)).toBe('600 µs');
    expect(f.rateTitle).toBe('ops/s');
  });

  it('on the index axis: history indexes and event counts, and a title saying so', () => {
    const f = axisFormat('index');
    expect(f.title).toContain('op index');
    expect(f.at(12)).toBe('#12');
    expect(f.at(11.6)).toBe('#12');
    expect(f.span(1)).toBe('1 event');
    expect(f.span(3)).toBe('3 events');
    expect(f.tick(40, 10)).toBe('#40');
    expect(f.tickStep).toBe(1);
    expect(f.latencyTitle).toBe('latency (events)');
    expect(f.latencyTick(100)).toBe('100');
  });
});

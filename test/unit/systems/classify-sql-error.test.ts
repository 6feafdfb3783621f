import { describe, expect, it } from 'vitest';
import { classifySqlError, describeSqlError, postgresDialect } from '../../../src/sdk/index.js';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('PostgreSQL error classification', () => {
  const table: [string, unknown, boolean, 'fail' | 'info'][] = [
    ['serialization failure before commit', pgError('40001'), false, 'fail'],
    ['serialization failure at commit', pgError('40001'), true, 'fail'],
    ['deadlock at commit', pgError('40P01'), true, 'fail'],
    ['deferred unique violation at commit', pgError('23505'), true, 'fail'],
    ['connection lost before commit', new Error('Connection terminated unexpectedly'), false, 'fail'],
    ['connection lost during commit', new Error('Connection terminated unexpectedly'), true, 'info'],
    ['socket reset during commit', pgError('ECONNRESET'), true, 'info'],
    ['admin shutdown during commit', pgError('57P01'), true, 'info'],
    ['timeout during commit', Object.assign(new Error('timeout'), { name: 'AbortError' }), true, 'info'],
  ];
  for (const [what, err, commitSent, want] of table) {
    it(`${what} -> ${want}`, () => expect(classifySqlError(postgresDialect, err, commitSent)).toBe(want));
  }

  it('keeps sessions after SQL errors only', () => {
    expect(postgresDialect.isServerError(pgError('40001'))).toBe(true);
    expect(postgresDialect.isServerError(pgError('57P01'))).toBe(false);
    expect(postgresDialect.isServerError(pgError('ECONNRESET'))).toBe(false);
    expect(postgresDialect.isServerError(new Error('Connection terminated'))).toBe(false);
  });

  it('describes errors with their code', () => {
    expect(describeSqlError(pgError('40001', 'could not serialize access'))).toBe(
      '40001 could not serialize access',
    );
  });
});

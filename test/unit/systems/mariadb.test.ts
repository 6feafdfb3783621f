import { describe, expect, it } from 'vitest';
import { classifySqlError } from '../../../src/sdk/index.js';
import { galeraCnf } from '../../../systems/mariadb/mariadb-config.js';
import { mariadbDialect } from '../../../systems/mariadb/mariadb-dialect.js';

const sqlError = (errno: number, fatal = false) =>
  Object.assign(new Error(`errno ${errno}`), { errno, fatal });

describe('MariaDB error classification', () => {
  it('a certification failure or deadlock at COMMIT is fail; a lost connection at COMMIT is info', () => {
    expect(classifySqlError(mariadbDialect, sqlError(1213), true)).toBe('fail');
    expect(classifySqlError(mariadbDialect, sqlError(1047), true)).toBe('fail');
    expect(classifySqlError(mariadbDialect, sqlError(1180), true)).toBe('info');
    expect(
      classifySqlError(
        mariadbDialect,
        Object.assign(new Error('socket timeout'), { code: 'ER_SOCKET_TIMEOUT', fatal: true }),
        true,
      ),
    ).toBe('info');
    expect(classifySqlError(mariadbDialect, sqlError(1205), false)).toBe('fail');
  });

  it('keeps the session after a server error, drops it after a fatal one', () => {
    expect(mariadbDialect.isServerError(sqlError(1213))).toBe(true);
    expect(mariadbDialect.isServerError(sqlError(1213, true))).toBe(false);
    expect(mariadbDialect.isServerError(new Error('connection closed'))).toBe(false);
  });

  it('decodes text lists', () => {
    expect(mariadbDialect.decodeList('1,2,30')).toEqual([1, 2, 30]);
  });
});

describe('Galera my.cnf', () => {
  it('names every member in gcomm:// and this node by address', () => {
    const cnf = galeraCnf('n2', '10.0.0.2', ['10.0.0.1', '10.0.0.2', '10.0.0.3']);
    expect(cnf).toContain('wsrep_cluster_address = gcomm://10.0.0.1,10.0.0.2,10.0.0.3');
    expect(cnf).toContain('wsrep_node_address = 10.0.0.2');
    expect(cnf).toContain('binlog_format = ROW');
  });
});

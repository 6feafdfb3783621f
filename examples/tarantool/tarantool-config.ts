/** Where Tarantool keeps its files on a node, and its ports. */
export const TARANTOOL_INIT = '/etc/faultline/tarantool.lua';
export const TARANTOOL_DATA = '/var/lib/faultline/tarantool';
export const TARANTOOL_LOG = '/var/log/faultline/tarantool.log';
export const TARANTOOL_PID = '/run/faultline/tarantool.pid';
/** The binary protocol port replicas replicate over. */
export const IPROTO_PORT = 3301;
/** The plain-text Lua console the clients speak. */
export const CONSOLE_PORT = 3302;

/** A majority of `nodes`, counting the leader: how many copies a synchronous commit waits for. */
export function synchroQuorum(nodes: number): number {
  return Math.floor(nodes / 2) + 1;
}

/**
 * The init script of one node. The first node is the leader: it bootstraps the replica set, owns
 * the `registers` space and is the only writable node. The others replicate from it read-only.
 * The space is synchronous: a commit returns once a majority has written it to its WAL, or fails
 * after `replication_synchro_timeout` (the transaction is rolled back).
 */
export function tarantoolInit(options: { leaderIp: string; isLeader: boolean; nodes: number }): string {
  const replication = options.isLeader ? '{}' : `{ '${options.leaderIp}:${IPROTO_PORT}' }`;
  return `-- Written by the faultline tarantool plugin.
box.cfg{
  listen = '0.0.0.0:${IPROTO_PORT}',
  work_dir = '${TARANTOOL_DATA}',
  replication = ${replication},
  read_only = ${options.isLeader ? 'false' : 'true'},
  replication_synchro_quorum = ${synchroQuorum(options.nodes)},
  replication_synchro_timeout = 2,
  replication_timeout = 0.5,
  replication_connect_timeout = 5,
}

-- Only the leader creates the schema; replicas receive it when they join.
if not box.info.ro then
  box.once('faultline-schema', function()
    box.schema.user.grant('guest', 'replication')
    local registers = box.schema.space.create('registers', { is_sync = true })
    registers:create_index('pk', { type = 'tree', parts = { 1, 'integer' } })
  end)
end

-- The register client calls these through the console: one Lua call per operation.
function faultline_read(k)
  local t = box.space.registers:get(k)
  if t == nil then return nil end
  return t[2]
end

function faultline_write(k, v)
  box.space.registers:replace({ k, v })
  return true
end

function faultline_cas(k, old, new)
  box.begin()
  local t = box.space.registers:get(k)
  if t == nil or t[2] ~= old then
    box.commit()
    return false
  end
  box.space.registers:replace({ k, new })
  box.commit()
  return true
end

require('console').listen('0.0.0.0:${CONSOLE_PORT}')
`;
}

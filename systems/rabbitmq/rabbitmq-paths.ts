/** Where the suite keeps RabbitMQ's files on a node. */
export const RABBITMQ_SERVER = '/usr/lib/rabbitmq/bin/rabbitmq-server';
export const RABBITMQCTL = '/usr/lib/rabbitmq/bin/rabbitmqctl';
export const RABBITMQ_CONFIG = '/etc/faultline/rabbitmq.conf';
export const RABBITMQ_DATA = '/var/lib/faultline/rabbitmq';
export const RABBITMQ_LOG = '/var/log/faultline/rabbitmq.log';
export const RABBITMQ_PIDFILE = '/run/faultline/rabbitmq.pid';
/** The Erlang cookie of root, who runs the server and rabbitmqctl. */
export const ERLANG_COOKIE = '/root/.erlang.cookie';

export const AMQP_PORT = 5672;
/** The queue of the queue workload. */
export const QUEUE_NAME = 'faultline';

/** The Erlang node name of the server on `node`. */
export function erlangNode(node: string): string {
  return `rabbit@${node}`;
}

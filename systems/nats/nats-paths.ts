/** Where the suite keeps nats-server's files on a node. */
export const NATS_BIN = '/usr/sbin/nats-server';
export const NATS_CONFIG = '/etc/faultline/nats.conf';
export const NATS_DATA = '/var/lib/faultline/nats';
export const NATS_LOG = '/var/log/faultline/nats.log';
export const NATS_PIDFILE = '/run/faultline/nats.pid';

/** Client, route (cluster) and HTTP monitoring ports. */
export const NATS_CLIENT_PORT = 4222;
export const NATS_CLUSTER_PORT = 6222;
export const NATS_MONITOR_PORT = 8222;

/** The KV bucket of the register workload and the stream, subject and durable consumer of the queue workload. */
export const KV_BUCKET = 'faultline';
export const QUEUE_STREAM = 'faultline-queue';
export const QUEUE_SUBJECT = 'faultline.queue';
export const QUEUE_CONSUMER = 'faultline';

/** How long a delivered message waits for its ack before JetStream redelivers it. */
export const ACK_WAIT_MS = 5000;

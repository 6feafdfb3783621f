export { registerWorkload } from './register/register-workload.js';
export { registerOps, type RegisterOpsOptions } from './register/register-ops.js';
export { setWorkload } from './set/set-workload.js';
export { setAdds } from './set/set-adds.js';
export { queueWorkload } from './queue/queue-workload.js';
export { queueOps } from './queue/queue-ops.js';

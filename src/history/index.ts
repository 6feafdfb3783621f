export { pairOps } from './pair-ops.js';
export { sourceLineOf } from './source-lines.js';
export { parseHistory, type ParseHistoryOptions } from './parse-history.js';
export { readHistory } from './read-history.js';
export { validateHistory, type ValidateOptions, type HistoryWarning } from './validate-history.js';
export { parseJsonlHistory, readJsonlHistory, type ReadOptions } from './jsonl-codec.js';
export { parseEdnHistory } from './edn-history.js';
export { EdnParser, parseEdn } from './edn-parser.js';
export { serializeOp } from './serialize-op.js';
export { JsonlHistoryWriter, formatJsonlHistory } from './jsonl-history-writer.js';
export {
  HISTORY_FORMATS,
  detectHistoryFormat,
  parseHistoryFormat,
  type HistoryFormat,
} from './history-format.js';
export { TruncatedHistoryError } from './truncated-history-error.js';

// Run by buildOnce under a file lock: build dist/ unless it is up to date.
import { buildIfStale } from './build-once.js';

buildIfStale();

// Test setup, loaded by mocha before any test file (see .mocharc.json).
//
// yeoman-test's TestAdapter builds its fake prompt input with `Duplex.from('...')`. On Node >= 24.22
// the stream it creates is destroyed with an AbortError when the adapter is aborted/closed, and that
// error surfaces as an unhandled 'error' event (or rejection) that crashes mocha. Swallow exactly that
// error; every other error keeps its normal behaviour.
import { Duplex } from 'node:stream';
import process from 'node:process';

const isDuplexAbort = (error) =>
  error != null && typeof error === 'object' && (error.name === 'AbortError' || error.code === 'ABORT_ERR');

const originalFrom = Duplex.from;
Duplex.from = function patchedFrom(...args) {
  const stream = originalFrom.apply(this, args);
  if (stream && typeof stream.on === 'function') {
    stream.on('error', (error) => {
      if (!isDuplexAbort(error)) {
        // Keep the default behaviour (crash loudly) for anything else.
        process.nextTick(() => {
          throw error;
        });
      }
    });
  }
  return stream;
};

process.on('unhandledRejection', (reason) => {
  if (isDuplexAbort(reason) && /Duplex|duplexify|from\b/.test(String(reason?.stack ?? ''))) return;
  throw reason;
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Command } from 'commander';
import { addReaderOptions, readerOptions } from './cli-options.js';

function parse(args: string[]) {
  const cmd = addReaderOptions(new Command('x').exitOverride().configureOutput({ writeErr: () => undefined }));
  cmd.parse(args, { from: 'user' });
  return readerOptions(cmd.opts());
}

test('reader flags become ReadOptions', () => {
  assert.deepEqual(parse([]), {});
  assert.deepEqual(
    parse(['--from', 'csv', '--follow', '--text-column', 'Story', '--date-column', 'When', '--id-column', 'Key', '--timeout', '2.5', '--max-bytes', '1000', '--allow-private']),
    { from: 'csv', follow: true, columns: { text: 'Story', published: 'When', id: 'Key' }, timeoutMs: 2500, maxBytes: 1000, allowPrivate: true },
  );
});

test('bad values are refused', () => {
  assert.throws(() => parse(['--from', 'pdf']), /Allowed choices are/);
  assert.throws(() => parse(['--timeout', 'soon']), /argument 'soon' is invalid\. expected a non-negative number/);
  assert.throws(() => readerOptions({ maxBytes: '-1' }), /--max-bytes must be a non-negative number/);
  assert.throws(() => readerOptions({ from: 'doc' }), /unknown format "doc"/);
});

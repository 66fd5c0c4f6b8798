import { errorMessage } from '../core/errors.js';
import { decodeBytes, declaredCharset, gunzip, invalidBytesNote, isGzip } from './decode.js';
import { detectFormat } from './detect.js';
import { DEFAULT_MAX_BYTES, fetchUrl, type FetchLimits } from './fetch.js';
import { readByline } from './readers/byline.js';
import { readJson, readJsonLines } from './readers/json.js';
import { readText } from './readers/text.js';
import { expandInputs, fileSize, readFileBytes, readStdin } from './sources.js';
import { DEFAULT_LIMITS, inputSizeError } from '../workers/limits.js';
import { failed, type Format, type ReadItem, type ReadOptions } from './types.js';

export { parseByline } from './readers/byline.js';

/** Where some bytes came from: names them in messages and helps detect their format. */
export interface BytesOrigin {
  /** Names the input in messages and in `meta.origin` (path, URL, "stdin"). */
  readonly source: string;
  /** File name or URL path, for detection by extension. */
  readonly name?: string;
  /** HTTP media type and charset, for URLs. */
  readonly mediaType?: string;
  readonly charset?: string;
  /** The page's URL: resolves relative links and is the document's url when it names none. */
  readonly url?: string;
}

// The HTML and feed readers pull in a DOM and an XML parser (a third of a second to load), so
// they are imported when the first such input arrives; JSON Lines on stdin never pays for them.
async function readAs(format: Format, text: string, o: BytesOrigin, opts: ReadOptions): Promise<Iterable<ReadItem> | AsyncIterable<ReadItem>> {
  switch (format) {
    case 'text':
      return readText(text, o.source, o.url);
    case 'byline':
      return readByline(text, o.source);
    case 'json':
      return readJson(text, o.source, opts);
    case 'jsonl':
      return readJsonLines(text, o.source, opts);
    case 'csv':
    case 'tsv':
      return (await import('./readers/csv.js')).readTable(text, o.source, format === 'tsv', opts);
    case 'html':
      return (await import('./readers/html.js')).readHtml(text, o.source, o.url);
    case 'feed':
      return (await import('./readers/feed.js')).readFeed(text, o.source, opts, o.url);
  }
}

/** Reads one input's bytes: gunzip, decode, detect the format (unless forced), and run its reader. */
export async function* readBytes(bytes: Uint8Array, origin: BytesOrigin, opts: ReadOptions = {}): AsyncGenerator<ReadItem> {
  let buf = bytes;
  let name = origin.name;
  const maxInput = opts.maxInputBytes || DEFAULT_LIMITS.maxInputBytes;
  if (!origin.url && buf.length > maxInput) {
    yield failed(origin.source, inputSizeError(buf.length, maxInput));
    return;
  }
  if (isGzip(buf)) {
    try {
      buf = origin.url ? gunzip(buf, opts.maxBytes || DEFAULT_MAX_BYTES, '--max-bytes') : gunzip(buf, maxInput, '--max-input-size');
    } catch (err) {
      yield failed(origin.source, errorMessage(err));
      return;
    }
    name = name?.replace(/\.gz$/i, '');
  }
  const decoded = decodeBytes(buf, origin.charset ?? declaredCharset(buf));
  if (!decoded.ok) {
    yield failed(origin.source, decoded.error);
    return;
  }
  const format = opts.from ?? detectFormat(decoded.text, { name, contentType: origin.mediaType });
  // Damaged bytes are said once per input, with its first article.
  let note = decoded.invalidBytes ? invalidBytesNote(origin.source, decoded.invalidBytes) : undefined;
  try {
    for await (const item of await readAs(format, decoded.text, origin, opts)) {
      if (!note || !item.ok) {
        yield item;
        continue;
      }
      yield { ...item, note: item.note ? `${note}; ${item.note}` : note };
      note = undefined;
    }
  } catch (err) {
    // Readers report bad records themselves; this catches what they did not foresee.
    yield failed(origin.source, `cannot read as ${format}: ${errorMessage(err)}`);
  }
}

/** Reads one file; one larger than the input limit is refused before it is read. */
export async function* readFileInput(path: string, opts: ReadOptions = {}): AsyncGenerator<ReadItem> {
  const maxInput = opts.maxInputBytes || DEFAULT_LIMITS.maxInputBytes;
  let bytes: Buffer;
  try {
    const size = await fileSize(path);
    if (size > maxInput) {
      yield failed(path, inputSizeError(size, maxInput));
      return;
    }
    bytes = await readFileBytes(path);
  } catch (err) {
    yield failed(path, errorMessage(err));
    return;
  }
  yield* readBytes(bytes, { source: path, name: path }, opts);
}

/** Reads every input (files, directories, URLs, `-` for stdin) and yields one item per article or failure. */
export async function* readInputs(inputs: readonly string[], opts: ReadOptions = {}): AsyncGenerator<ReadItem> {
  for await (const src of expandInputs(inputs)) {
    switch (src.kind) {
      case 'error':
        yield failed(src.source, src.error);
        break;
      case 'stdin': {
        let bytes: Buffer;
        try {
          bytes = await readStdin();
        } catch (err) {
          yield failed('stdin', errorMessage(err));
          break;
        }
        yield* readBytes(bytes, { source: 'stdin' }, opts);
        break;
      }
      case 'file':
        yield* readFileInput(src.path, opts);
        break;
      case 'url': {
        let page;
        try {
          page = await fetchUrl(src.url, opts as FetchLimits);
        } catch (err) {
          yield failed(src.url, errorMessage(err));
          break;
        }
        yield* readBytes(page.bytes, { source: src.url, name: new URL(page.url).pathname, mediaType: page.mediaType, charset: page.charset, url: page.url }, opts);
        break;
      }
    }
  }
}

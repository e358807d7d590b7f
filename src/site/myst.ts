/**
 * MyST directives written as fences (```` ```{note} ````, ```` ```{csv-table} ````),
 * as catalogs built with Jupyter Book or Sphinx keep them: shown as what they
 * are, not as code. A diagram directive is drawn by the fence rule itself;
 * directives the site does not know stay code, as before.
 */

/** Admonitions: their content is Markdown, shown in a box titled by their kind (or by their argument). */
const ADMONITIONS: Record<string, string> = {
  note: 'Note',
  tip: 'Tip',
  hint: 'Hint',
  important: 'Important',
  attention: 'Attention',
  caution: 'Caution',
  warning: 'Warning',
  danger: 'Danger',
  error: 'Error',
  seealso: 'See also',
  admonition: '',
};

export interface DirectiveContext {
  /** Renders Markdown as the page's own (links and images resolved, sanitized). */
  markdown: (source: string) => string;
  /** A file the directive names (`:file: repos.csv`), relative to the pattern: its text, or why it cannot be read. */
  readFile: (rel: string) => { text: string } | { reason: string };
  escape: (text: string) => string;
}

/** A directive fence's options (`:header: "A", "B"` lines at its top) and the content under them. */
export function directiveParts(content: string): { options: Map<string, string>; body: string } {
  const options = new Map<string, string>();
  const lines = content.split('\n');
  let i = 0;
  // (Or a block of them in YAML between `---` lines: `name: fig-tree`.)
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, k) => k > 0 && l.trim() === '---');
    if (end > 0) {
      for (const line of lines.slice(1, end)) {
        const option = /^[ \t]*([\w-]+)[ \t]*:[ \t]*(.*)$/.exec(line);
        if (option) options.set(option[1]!.toLowerCase(), option[2]!.trim().replace(/^(["'])(.*)\1$/, '$2'));
      }
      return { options, body: lines.slice(end + 1).join('\n') };
    }
  }
  for (; i < lines.length; i++) {
    const option = /^[ \t]*:([\w-]+):[ \t]*(.*)$/.exec(lines[i]!);
    if (!option) break;
    options.set(option[1]!.toLowerCase(), option[2]!.trim());
  }
  return { options, body: lines.slice(i).join('\n') };
}

/**
 * The HTML of a known directive, or undefined for one the site shows as code.
 * `argument` is the text after the directive's name on the fence line.
 */
export function renderDirective(name: string, argument: string, content: string, context: DirectiveContext): string | undefined {
  const { options, body } = directiveParts(content);
  if (name in ADMONITIONS) {
    const title = argument || ADMONITIONS[name] || 'Note';
    const kind = name === 'admonition' ? 'note' : name;
    return `<div class="admonition admonition-${kind}"><div class="admonition-title">${context.escape(title)}</div>\n${context.markdown(body)}</div>\n`;
  }
  if (name === 'csv-table') return csvTable(argument, options, body, context);
  if ((name === 'image' || name === 'figure') && argument && !/[\s<>]/.test(argument)) {
    // As the page's own image (`![alt](…)`): resolved, copied and checked as any other; a figure's
    // content is its caption.
    const alt = (options.get('alt') ?? '').replace(/[[\]\\]/g, '');
    const image = context.markdown(`![${alt}](<${argument}>)`).replace(/^<p>|<\/p>\s*$/g, '');
    const caption = name === 'figure' && body.trim() ? `<figcaption>${context.markdown(body)}</figcaption>` : '';
    // (Its `name`, a MyST label, is its anchor.)
    const id = options.get('name');
    return `<figure class="directive-${name}"${id && /^[\w.:-]+$/.test(id) ? ` id="${context.escape(id)}"` : ''}>${image}${caption}</figure>\n`;
  }
  return undefined;
}

/** A `{csv-table}`: rows from its content or from the file it names, a header from `:header:` or `:header-rows:`. */
function csvTable(caption: string, options: Map<string, string>, body: string, context: DirectiveContext): string {
  const { escape } = context;
  const file = options.get('file');
  let source = body;
  if (file) {
    const read = context.readFile(file);
    if ('reason' in read) return `<p><span class="missing">${escape(`The table from ${file} is not shown: ${read.reason}.`)}</span></p>\n`;
    source = read.text;
  }
  const delim = options.get('delim');
  const separator = delim === 'tab' ? '\t' : delim === 'space' ? ' ' : delim && delim.length === 1 ? delim : ',';
  const rows = parseCsv(source, separator);
  const headerOption = options.get('header');
  const header = headerOption ? parseCsv(headerOption, separator)[0] : undefined;
  const headerRows = Math.min(Number.parseInt(options.get('header-rows') ?? '0', 10) || 0, rows.length);
  const heads = [...(header ? [header] : []), ...rows.slice(0, headerRows)];
  const cells = (row: string[], tag: 'th' | 'td') => `<tr>${row.map((c) => `<${tag}>${escape(c)}</${tag}>`).join('')}</tr>\n`;
  return (
    '<div class="table-wrap"><table>\n' +
    (caption ? `<caption>${escape(caption)}</caption>\n` : '') +
    (heads.length > 0 ? `<thead>\n${heads.map((r) => cells(r, 'th')).join('')}</thead>\n` : '') +
    `<tbody>\n${rows
      .slice(headerRows)
      .map((r) => cells(r, 'td'))
      .join('')}</tbody>\n</table></div>\n`
  );
}

/**
 * Comma-separated values as RFC 4180 has them: fields in double quotes may
 * hold the separator, line breaks and doubled quotes; blank lines are no rows.
 * Spaces after a separator are not part of the next field (reST's tables
 * write `"A", "B"`).
 */
export function parseCsv(text: string, separator = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    row.push(wasQuoted ? field : field.trim());
    field = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endField();
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      wasQuoted = true;
      field = '';
    } else if (c === separator) endField();
    else if (c === '\n') endRow();
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

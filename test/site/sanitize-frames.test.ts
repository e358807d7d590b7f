import { describe, expect, it } from 'vitest';
import { sanitize } from '../../src/site/sanitize.js';

describe('a frame in a pattern’s HTML', () => {
  it('is a link to its https page, what it holds left out, closed or not; a frame of another scheme or inside a comment goes whole', () => {
    expect(
      sanitize(
        '<p>Before.</p>\n<iframe\n  src="https://docs.example.org/d/1/preview?a=1&amp;b=2"\n  style="width:500px">Your browser has no <a href="https://x.example">frames</a> <img src="y.png"></iframe>\n<p>After.</p>',
      ),
    ).toBe(
      '<p>Before.</p>\n<a href="https://docs.example.org/d/1/preview?a=1&amp;b=2" class="embed" rel="noopener noreferrer">Embedded page (docs.example.org)</a>\n<p>After.</p>',
    );
    // (Never closed: a browser shows nothing after it, as its text; nor is anything after it inside the link.)
    expect(sanitize("<iframe src='https://video.example.org/v/9'><p>Rest of the page.</p>")).toBe(
      '<a href="https://video.example.org/v/9" class="embed" rel="noopener noreferrer">Embedded page (video.example.org)</a>',
    );
    expect(sanitize('<p>A</p><iframe src="javascript:alert(1)"></iframe><iframe srcdoc="<script>x</script>"></iframe><p>B</p>')).toBe('<p>A</p><p>B</p>');
    expect(sanitize('<p>A</p><!-- <iframe src="https://old.example.org/"></iframe> --><p>B</p>')).toBe('<p>A</p><p>B</p>');
    // (A quote inside an attribute holds no end of the tag: `title="a > b"`.)
    expect(sanitize('<iframe title="a > b" src="https://docs.example.org/x"></iframe>')).toBe(
      '<a href="https://docs.example.org/x" class="embed" rel="noopener noreferrer">Embedded page (docs.example.org)</a>',
    );
  });
});

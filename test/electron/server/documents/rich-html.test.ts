import { describe, expect, it } from 'vitest';
import { escapeHtml, richDocHtml } from '../../../../electron/server/documents/rich-html';
import { type RichDoc, type RichNode, richDocProblem } from '../../../../electron/shared/rich-doc';

const doc = (...content: RichNode[]): RichDoc => ({ type: 'doc', content });
const p = (...content: RichNode[]): RichNode => ({ type: 'paragraph', content });
const t = (text: string, marks?: RichNode['marks']): RichNode => (marks ? { type: 'text', text, marks } : { type: 'text', text });
const noLive = () => '<LIVE>';
const html = (d: RichDoc) => richDocHtml(d, noLive);

describe('richDocHtml', () => {
  it('writes the whitelisted nodes and marks as plain HTML', () => {
    const d = doc(
      { type: 'heading', attrs: { level: 2 }, content: [t('Background')] },
      p(t('The '), t('forecast', [{ type: 'bold' }]), t(' is '), t('up', [{ type: 'italic' }, { type: 'underline' }]), { type: 'hardBreak' }, t('again')),
      { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('one'))] }] },
      { type: 'orderedList', attrs: { start: 3, type: 'a' }, content: [{ type: 'listItem', content: [p(t('three'))] }] },
      { type: 'horizontalRule' },
    );
    expect(html(d)).toBe(
      '<h2>Background</h2><p>The <strong>forecast</strong> is <u><em>up</em></u><br>again</p><ul><li><p>one</p></li></ul><ol start="3" type="a"><li><p>three</p></li></ol><hr>',
    );
  });

  it('puts the text’s headings under the paper’s own', () => {
    const d = doc({ type: 'heading', attrs: { level: 1 }, content: [t('A')] }, { type: 'heading', attrs: { level: 4 }, content: [t('B')] });
    expect(richDocHtml(d, noLive, { headingBase: 3 })).toBe('<h3>A</h3><h6>B</h6>');
    expect(richDocHtml(d, noLive, { headingBase: 4 })).toBe('<h4>A</h4><h6>B</h6>');
  });

  it('escapes script tags and quotes in text, so they print as words', () => {
    const out = html(doc(p(t('<script>alert("x")</script> & \'quoted\''))));
    expect(out).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;</p>');
    expect(out).not.toContain('<script');
  });

  it('renders only safe links, with rel="noopener", and keeps the words of an unsafe one', () => {
    const link = (href: string) => doc(p(t('click', [{ type: 'link', attrs: { href } }])));
    expect(html(link("https://gov.uk/x?a=1&b='2'"))).toBe('<p><a href="https://gov.uk/x?a=1&amp;b=&#39;2&#39;" rel="noopener">click</a></p>');
    expect(html(link('mailto:clerk@council.gov.uk'))).toContain('href="mailto:clerk@council.gov.uk"');
    for (const bad of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,<b>x</b>',
      'vbscript:x',
      '/relative',
      'file:///etc/passwd',
      'https://a b',
      'https://x"onmouseover="alert(1)',
    ]) {
      const out = html(link(bad));
      expect(out, bad).toBe('<p>click</p>');
    }
  });

  it('never writes an image, raw HTML, an unknown node or a style, nor their content', () => {
    const hostile = {
      type: 'doc',
      content: [
        { type: 'image', attrs: { src: 'https://evil.example/track.png' } },
        { type: 'html', text: '<iframe src="https://evil.example"></iframe>' },
        { type: 'paragraph', attrs: { style: 'background:url(https://evil.example/x)', onclick: 'alert(1)', textAlign: 'center' }, content: [t('kept')] },
        { type: 'paragraph', content: [{ type: 'image', attrs: { src: 'https://evil.example/inline.png' } }, t('words')] },
        { type: 'blockquote', content: [p(t('secret inside an unknown node'))] },
        { type: 'paragraph', attrs: { textAlign: 'left;background:red' }, content: [t('plain')] },
        { type: 'heading', attrs: { level: '1 onmouseover=alert(1)' }, content: [t('H')] },
      ],
    } as unknown as RichDoc;
    const out = html(hostile);
    expect(out).toBe('<p class="align-center">kept</p><p>words</p><p>plain</p><h1>H</h1>');
    expect(out).not.toMatch(/img|iframe|style|onclick|evil|secret/);
  });

  it('drops unknown marks but keeps their text, and ignores attributes it does not know', () => {
    const d = {
      type: 'doc',
      content: [
        p({
          type: 'text',
          text: 'x',
          marks: [
            { type: 'textStyle', attrs: { color: 'red' } },
            { type: 'bold', attrs: { class: 'evil' } },
          ],
        }),
      ],
    } as unknown as RichDoc;
    expect(html(d)).toBe('<p><strong>x</strong></p>');
  });

  it('writes tables with a header row in <thead>, scoped header cells and safe spans', () => {
    const cell = (type: string, text: string, attrs?: Record<string, unknown>): RichNode => ({ type, attrs, content: [p(t(text))] });
    const d = doc({
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('tableHeader', 'Line'), cell('tableHeader', 'Amount')] },
        { type: 'tableRow', content: [cell('tableHeader', 'Top-ups'), cell('tableCell', '£1', { colspan: 2, rowspan: '3', colwidth: [100] })] },
        { type: 'tableRow', content: [cell('tableCell', 'x', { colspan: '2" onclick="x' })] },
      ],
    });
    expect(html(d)).toBe(
      '<table class="rich-table"><thead><tr><th scope="col"><p>Line</p></th><th scope="col"><p>Amount</p></th></tr></thead>' +
        '<tbody><tr><th scope="row"><p>Top-ups</p></th><td colspan="2" rowspan="3"><p>£1</p></td></tr><tr><td><p>x</p></td></tr></tbody></table>',
    );
  });

  it('hands live nodes to the caller, whose HTML goes in as it is', () => {
    const d = doc(p(t('The overspend is '), { type: 'liveFigure', attrs: { kind: 'figure', id: 'f1' } }), {
      type: 'liveBlock',
      attrs: { kind: 'monitoring-table' },
    });
    const seen: string[] = [];
    const out = richDocHtml(d, (n) => {
      seen.push(`${n.type}:${String(n.attrs?.kind)}`);
      return n.type === 'liveFigure' ? '<span>£1</span>' : '<table></table>';
    });
    expect(seen).toEqual(['liveFigure:figure', 'liveBlock:monitoring-table']);
    expect(out).toBe('<p>The overspend is <span>£1</span></p><table></table>');
  });

  it('survives documents that are not documents', () => {
    expect(html({} as RichDoc)).toBe('');
    expect(html({ type: 'doc', content: [null, 3, 'text', { type: 'paragraph', content: 'no' }] } as unknown as RichDoc)).toBe('<p></p>');
  });

  it('removes control characters from text', () => {
    expect(escapeHtml('a\u0000b\u0007c\nd\te')).toBe('abc\nd\te');
  });
});

describe('the contract refuses what the renderer would drop', () => {
  it('refuses an image, a javascript: link, an unknown attribute and a 10 MB paste, each in words', () => {
    expect(richDocProblem(doc({ type: 'image', attrs: { src: 'https://x/y.png' } } as RichNode))).toMatch(/"image", which papers cannot contain/);
    expect(richDocProblem(doc(p(t('x', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]))))).toMatch(/links must start https:\/\//);
    expect(richDocProblem(doc({ type: 'paragraph', attrs: { style: 'x' }, content: [] }))).toMatch(/"style" setting on paragraph/);
    expect(richDocProblem(doc(p(t('x'.repeat(10 * 1024 * 1024)))))).toMatch(/is too long: a paper section may hold at most 1,000,000 characters/);
  });
});

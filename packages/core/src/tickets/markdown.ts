import { Marked, type Tokens } from 'marked';

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => escapes[char] ?? char);
}

/** Links open apart from the ticket page, handing it nothing, and are never endorsed. */
const linkAttributes = 'rel="noopener noreferrer nofollow" target="_blank"';

/** Only these link targets survive; `javascript:`, `data:` and the like become plain text. */
function safeHref(href: string): string | null {
  try {
    const url = new URL(href, 'https://relative.invalid/');
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? href : null;
  } catch {
    return null;
  }
}

/**
 * Markdown for tickets and replies, rendered inert: raw HTML is shown as text (never parsed),
 * links keep only http(s) and mailto targets and open without handing over the page, and
 * images become links, so a reply cannot load anything from elsewhere when it is read.
 */
const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    link({ href, title, tokens }: Tokens.Link) {
      const label = this.parser.parseInline(tokens);
      const target = safeHref(href);
      if (!target) return label;
      const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
      return `<a href="${escapeHtml(target)}"${titleAttr} ${linkAttributes}>${label}</a>`;
    },
    image({ href, text }: Tokens.Image) {
      const target = safeHref(href);
      const label = escapeHtml(text || href);
      if (!target) return label;
      return `<a href="${escapeHtml(target)}" ${linkAttributes}>${label}</a>`;
    },
  },
});

export function renderMarkdown(source: string): string {
  return marked.parse(source) as string;
}
